using System.Text.Json;
using Tributary.Host.Flat;

namespace Tributary.Host.Gateway;

/// <summary>
/// The <c>200</c> of <c>/v1/enrich</c>: the flat answer written straight to the response body from the field list, no
/// intermediate object graph or reflection, so configured custom fields cost nothing extra on the hot path.
/// </summary>
internal sealed class FlatEnrichResult(FlatFields fields, FlatAnswer answer, string requestId) : IResult
{
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, Options))
        {
            FlatJsonWriter.WriteObject(writer, fields, answer, requestId);
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
