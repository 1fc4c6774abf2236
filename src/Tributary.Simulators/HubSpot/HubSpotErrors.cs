using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.HubSpot;

/// <summary>
/// HubSpot's error bodies: <c>{status:"error", message, correlationId, category, errors?}</c>, and for 429
/// <c>{status, message, errorType:"RATE_LIMIT", correlationId, policyName, groupName}</c>.
/// </summary>
internal static class HubSpotErrors
{
    public static Task WriteAsync(HttpContext context, int statusCode, string category, string message) =>
        JsonResponse.WriteAsync(context, statusCode, (category, message, id: CorrelationId()), static (writer, error) =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "error");
            writer.WriteString("message", error.message);
            writer.WriteString("correlationId", error.id);
            writer.WriteString("category", error.category);
            writer.WriteEndObject();
        });

    public static Task UnauthorizedAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "INVALID_AUTHENTICATION",
            "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview");

    public static Task ValidationAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR", message);

    public static Task TenSecondlyAsync(HttpContext context, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return RateLimitAsync(context, "TEN_SECONDLY_ROLLING", "You have reached your ten_secondly_rolling limit.", "publicapi:hapikey-api-calls-ten-secondly:62515");
    }

    public static Task DailyAsync(HttpContext context) =>
        RateLimitAsync(context, "DAILY", "You have reached your daily limit.", "publicapi:hapikey-api-calls-daily:62515");

    private static Task RateLimitAsync(HttpContext context, string policy, string message, string group) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status429TooManyRequests, (policy, message, group, id: CorrelationId()), static (writer, error) =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "error");
            writer.WriteString("message", error.message);
            writer.WriteString("errorType", "RATE_LIMIT");
            writer.WriteString("correlationId", error.id);
            writer.WriteString("policyName", error.policy);
            writer.WriteString("groupName", error.group);
            writer.WriteEndObject();
        });

    private static long _sequence;

    // A sequence rather than random ids: two runs of a test see the same bodies.
    private static string CorrelationId() =>
        string.Create(CultureInfo.InvariantCulture, $"c93e06a4-7d61-4c3e-b63f-{Interlocked.Increment(ref _sequence) % 1_000_000_000_000:D12}");
}
