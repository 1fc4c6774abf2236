using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tributary.Simulators.Infrastructure;

/// <summary>
/// Writes hand-built JSON bodies: a <see cref="Utf8JsonWriter"/> into a pooled buffer, sent with a
/// Content-Length. Buffering is what lets the MalformedJson fault cut a 200 body in half and still
/// send a well-formed HTTP response.
/// </summary>
internal static class JsonResponse
{
    public const string ContentType = "application/json; charset=utf-8";

    // The providers send UTF-8 as is; the default encoder's \u escaping of '&' and accents is only for HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync<TState>(HttpContext context, int statusCode, TState state, Action<Utf8JsonWriter, TState> write)
    {
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer, state);
        }

        var body = buffer.WrittenMemory;
        if (statusCode == StatusCodes.Status200OK && FaultSettings.For(context).MalformedJson)
        {
            body = body[..(body.Length / 2)];
        }

        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static Task WritePlainTextAsync(HttpContext context, int statusCode, string text)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
