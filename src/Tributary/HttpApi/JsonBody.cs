using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Json;

namespace Tributary.Host.HttpApi;

/// <summary>
/// Reads a JSON request body under the gateway's size limit, whatever content type the caller sent (IVR tools are
/// not always careful), turning every failure into a problem that says what was wrong. A UTF-8 byte-order mark before
/// the JSON is skipped, as RFC 8259 allows (Windows tools write one).
/// </summary>
internal sealed class JsonBody(int maxBodyBytes)
{
    /// <summary>How many times the body's size its chunked framing may take: one-byte chunks take six bytes each.</summary>
    private const int ChunkFramingAllowance = 8;

    private readonly int _limit = maxBodyBytes;

    public async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpContext http, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        if (http.Request.ContentLength > _limit)
        {
            return (null, Problems.TooLarge(http, _limit));
        }

        if (http.Request.ContentLength is null && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // Kestrel counts a chunked body's framing against its limit: a body within the limit could be refused for
            // how its sender cut it. The limit is kept below, on the body itself; this only bounds the framing.
            size.MaxRequestBodySize = (long)_limit * ChunkFramingAllowance;
        }

        try
        {
            using var body = await PooledBody.ReadAsync(http.Request, _limit, cancellationToken);
            if (body is null)
            {
                return (null, Problems.TooLarge(http, _limit));
            }

            var value = JsonSerializer.Deserialize(WholeJson.WithoutByteOrderMark(body.Memory.Span), type);
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
