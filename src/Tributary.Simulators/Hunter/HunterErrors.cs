using Microsoft.AspNetCore.Http;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Hunter;

/// <summary>Hunter's error envelope: <c>{"errors":[{"id","code","details"}]}</c>.</summary>
internal static class HunterErrors
{
    public static Task WriteAsync(HttpContext context, int statusCode, string id, string details) =>
        JsonResponse.WriteAsync(context, statusCode, (statusCode, id, details), static (writer, error) =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            writer.WriteStartObject();
            writer.WriteString("id", error.id);
            writer.WriteNumber("code", error.statusCode);
            writer.WriteString("details", error.details);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    public static Task WrongParamsAsync(HttpContext context, string details) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "wrong_params", details);

    public static Task AuthenticationFailedAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "authentication_failed", "No user found for the API key supplied");

    public static Task NotFoundAsync(HttpContext context, string details) =>
        WriteAsync(context, StatusCodes.Status404NotFound, "not_found", details);

    /// <summary>451: the person asked Hunter not to process their data. Not retryable.</summary>
    public static Task ClaimedAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status451UnavailableForLegalReasons, "claimed_email",
            "The person behind this email address has asked us directly or indirectly to stop the processing of this email.");

    /// <summary>429 is Hunter's "monthly quota used up", not a throttle.</summary>
    public static Task QuotaExhaustedAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status429TooManyRequests, "too_many_requests",
            "You've reached the limit for the number of searches per billing period included in your plan.");
}
