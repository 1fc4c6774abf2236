using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Segment;

/// <summary>
/// Segment's error envelope, documented for the Profile API: <c>{"error":{"code","message"}}</c> with the codes
/// <c>authentication_error</c>, <c>invalid_request_error</c>, <c>rate_limit_error</c> and <c>validation_error</c>. The
/// Tracking API's error bodies are not documented; the simulator answers with the same envelope.
/// </summary>
internal static class SegmentErrors
{
    public static Task WriteAsync(HttpContext context, int statusCode, string code, string message) =>
        JsonResponse.WriteAsync(context, statusCode, (code, message), static (writer, error) =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", error.code);
            writer.WriteString("message", error.message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    public static Task UnauthorizedAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "authentication_error", message);

    public static Task InvalidAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "invalid_request_error", message);

    public static Task ValidationAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "validation_error", message);

    /// <summary>404 of the Profile API. The reference documents the envelope but not this code; <c>not_found</c> is the simulator's.</summary>
    public static Task NotFoundAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status404NotFound, "not_found", message);

    /// <summary>429 with <c>Retry-After</c> and <c>X-RateLimit-Reset</c> (Unix seconds), as Segment throttles.</summary>
    public static Task RateLimitedAsync(HttpContext context, int retryAfterSeconds, DateTimeOffset now)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Reset"] = now.AddSeconds(retryAfterSeconds).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return WriteAsync(context, StatusCodes.Status429TooManyRequests, "rate_limit_error", "Too many requests, please slow down.");
    }
}
