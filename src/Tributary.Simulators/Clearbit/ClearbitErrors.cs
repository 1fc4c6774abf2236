using Microsoft.AspNetCore.Http;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Clearbit;

/// <summary>Clearbit's error envelope: <c>{"error":{"type":"…","message":"…"}}</c>.</summary>
internal static class ClearbitErrors
{
    public static Task WriteAsync(HttpContext context, int statusCode, string type, string message) =>
        JsonResponse.WriteAsync(context, statusCode, (type, message), static (writer, error) =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("type", error.type);
            writer.WriteString("message", error.message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    public static Task AuthRequiredAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "auth_required",
            "API key is missing or invalid. Send it as the HTTP Basic user name or as a Bearer token.");

    public static Task UnknownRecordAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status404NotFound, "unknown_record", message);

    public static Task OverQuotaAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status402PaymentRequired, "over_quota", "You have used all of the requests your plan includes for this period.");

    public static Task QueuedAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status202Accepted, "queued",
            "Your request is queued; retry later or use the streaming endpoint or a webhook.");

    /// <summary>The type Clearbit would report for an error status the FailStatus fault asked for.</summary>
    public static string TypeFor(int statusCode) => statusCode switch
    {
        400 => "invalid_request",
        401 => "auth_required",
        402 => "over_quota",
        403 => "forbidden",
        404 => "unknown_record",
        422 => "invalid_parameters",
        429 => "rate_limit",
        503 => "service_unavailable",
        504 => "gateway_timeout",
        >= 500 => "server_error",
        _ => "invalid_request",
    };
}
