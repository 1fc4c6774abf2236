using System.Text.Json;
using Tributary.Host.Flat;

namespace Tributary.Host.Gateway;

/// <summary>
/// The <c>200</c> of <c>/v1/enrich</c>: the flat answer written straight to the response body from the field list, no
/// intermediate object graph or reflection, so configured custom fields cost nothing extra on the hot path.
/// </summary>
/// <remarks>With a size cap the answer is built in a buffer by <see cref="FlatAnswerTrimmer"/> instead.</remarks>
internal sealed class FlatEnrichResult(FlatFields fields, FlatAnswer answer, string requestId, int? maxBytes = null) : IResult
{
    // One writer per thread, as the framework's serializer pools its own: the answer is written synchronously, so the
    // writer is never shared, and it is pointed away from the response afterwards so it keeps nothing alive.
    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        if (maxBytes is { } cap)
        {
            // The endpoint refused caps below the emptied answer's size, so this always fits.
            var body = FlatAnswerTrimmer.Write(fields, answer, requestId, cap)!;
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
            return;
        }

        var writer = _writer ??= new Utf8JsonWriter(Stream.Null, FlatJsonWriter.Options);
        writer.Reset(response.BodyWriter);
        try
        {
            FlatJsonWriter.WriteObject(writer, fields, answer, requestId);
            writer.Flush();
        }
        finally
        {
            writer.Reset(Stream.Null);
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
