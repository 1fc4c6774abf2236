using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tributary.Host.HttpApi;

/// <summary>
/// Reads a JSON request body under the gateway's size limit, whatever content type the caller sent (IVR tools are
/// not always careful), turning every failure into a problem that says what was wrong.
/// </summary>
internal sealed class JsonBody(int maxBodyBytes)
{
    private readonly int _limit = maxBodyBytes;

    public async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpContext http, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        if (http.Request.ContentLength > _limit)
        {
            return (null, Problems.TooLarge(http, _limit));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(http.Request.Body, type, cancellationToken);
            return value is null ? (null, Problems.BadRequest(http, "body", "The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 1 } path ? $" at {path}" : string.Empty;
            // The same member twice is refused too: which of two emails would be the one to enrich, or to erase?
            return (null, Problems.BadRequest(http, "body", $"Malformed JSON body{where}: not JSON, a value of the wrong type, or a member given twice."));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge(http, _limit));
        }
    }
}
