using Microsoft.AspNetCore.Http;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.PeopleDataLabs;

/// <summary>PDL's error envelope: <c>{"status":N,"error":{"type","message"}}</c>.</summary>
internal static class PdlErrors
{
    public const string NotFoundMessage = "No records were found matching your request";

    public static Task WriteAsync(HttpContext context, int statusCode, string type, string message) =>
        JsonResponse.WriteAsync(context, statusCode, (statusCode, type, message), static (writer, error) =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("status", error.statusCode);
            writer.WriteStartObject("error");
            writer.WriteString("type", error.type);
            writer.WriteString("message", error.message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    public static Task InvalidRequestAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "invalid_request_error", message);

    public static Task NotFoundAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status404NotFound, "not_found", NotFoundMessage);

    public static Task PaymentRequiredAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status402PaymentRequired, "payment_required", "You have reached your account maximum (all matches used)");

    public static string TypeFor(int statusCode) => statusCode switch
    {
        400 or 405 => "invalid_request_error",
        401 => "authentication_error",
        402 => "payment_required",
        404 => "not_found",
        429 => "rate_limit_error",
        _ => "api_error",
    };
}
