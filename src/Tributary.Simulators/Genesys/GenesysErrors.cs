using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Genesys;

/// <summary>
/// Genesys Cloud's error bodies: the Platform API's ErrorBody (<c>message, code, status, contextId, details, errors</c>,
/// payloads/genesys-error-429.json) and the login's OAuth error (<c>error, description, error_description</c>).
/// </summary>
internal static class GenesysErrors
{
    public static Task WriteAsync(HttpContext context, int status, string code, string message) =>
        JsonResponse.WriteAsync(context, status, (status, code, message, contextId: CorrelationId(context)), static (w, e) =>
        {
            w.WriteStartObject();
            w.WriteString("message", e.message);
            w.WriteString("code", e.code);
            w.WriteNumber("status", e.status);
            w.WriteString("contextId", e.contextId);
            w.WriteStartArray("details");
            w.WriteEndArray();
            w.WriteStartArray("errors");
            w.WriteEndArray();
            w.WriteEndObject();
        });

    public static Task TooManyRequestsAsync(HttpContext context, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return WriteAsync(context, StatusCodes.Status429TooManyRequests, "too.many.requests",
            $"Rate limit exceeded the maximum. Retry the request in [{retryAfterSeconds}] seconds");
    }

    public static Task UnauthorizedAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "bad.credentials", "Invalid login credentials.");

    public static Task NotFoundAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status404NotFound, "not.found", message);

    public static Task BadRequestAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "bad.request", message);

    /// <summary>The login's refusal: RFC 6749 names plus Genesys's <c>description</c>.</summary>
    public static Task OAuthAsync(HttpContext context, int status, string error, string description) =>
        JsonResponse.WriteAsync(context, status, (error, description), static (w, e) =>
        {
            w.WriteStartObject();
            w.WriteString("error", e.error);
            w.WriteString("description", e.description);
            w.WriteString("error_description", e.description);
            w.WriteEndObject();
        });

    /// <summary>The code Genesys gives an error status the FailStatus fault asked for.</summary>
    public static string CodeFor(int status) => status switch
    {
        400 => "bad.request",
        401 => "bad.credentials",
        403 => "missing.permissions",
        404 => "not.found",
        409 => "conflict",
        429 => "too.many.requests",
        502 => "bad.gateway",
        503 => "service.unavailable",
        504 => "gateway.timeout",
        >= 500 => "internal.server.error",
        _ => "bad.request",
    };

    /// <summary>The request's <c>ININ-Correlation-Id</c>, set on every answer by the conventions.</summary>
    private static string CorrelationId(HttpContext context) =>
        context.Response.Headers["ININ-Correlation-Id"] is { Count: > 0 } id ? id.ToString() : Guid.NewGuid().ToString();
}
