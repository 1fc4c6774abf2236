using Microsoft.AspNetCore.Http;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Salesforce;

/// <summary>
/// Salesforce's error bodies: the REST API's array <c>[{"message","errorCode"}]</c>, and the login's
/// <c>{"error","error_description"}</c> (<c>payloads/salesforce-error-*.json</c>, <c>salesforce-oauth-error.json</c>).
/// </summary>
internal static class SalesforceErrors
{
    public static Task WriteAsync(HttpContext context, int statusCode, string errorCode, string message) =>
        JsonResponse.WriteAsync(context, statusCode, (errorCode, message), static (writer, error) =>
        {
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WriteString("message", error.message);
            writer.WriteString("errorCode", error.errorCode);
            writer.WriteEndObject();
            writer.WriteEndArray();
        });

    public static Task InvalidSessionAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "INVALID_SESSION_ID", "Session expired or invalid");

    public static Task RequestLimitExceededAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");

    public static Task LoginErrorAsync(HttpContext context, int statusCode, string error, string description) =>
        JsonResponse.WriteAsync(context, statusCode, (error, description), static (writer, e) =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", e.error);
            writer.WriteString("error_description", e.description);
            writer.WriteEndObject();
        });

    public static string CodeFor(int statusCode) => statusCode switch
    {
        400 => "INVALID_INPUT",
        401 => "INVALID_SESSION_ID",
        403 => "REQUEST_LIMIT_EXCEEDED",
        404 => "NOT_FOUND",
        503 => "SERVER_UNAVAILABLE",
        _ => "UNKNOWN_EXCEPTION",
    };
}
