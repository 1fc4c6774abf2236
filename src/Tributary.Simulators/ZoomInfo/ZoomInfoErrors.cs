using Microsoft.AspNetCore.Http;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.ZoomInfo;

/// <summary>
/// ZoomInfo's error envelope, <c>{"error":{"code","message","status","requestId","retryable"}}</c>,
/// used for every error: the legacy API's own wrapper is undocumented, and the codes (ZI0001
/// token, ZI0004 rate limit, PFAPI… validation and server) are what connectors branch on.
/// </summary>
internal static class ZoomInfoErrors
{
    public static Task WriteAsync(HttpContext context, int statusCode, string? code, string message) =>
        JsonResponse.WriteAsync(context, statusCode, (statusCode, code, message, requestId: "req_" + context.TraceIdentifier), static (writer, error) =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", error.code);
            writer.WriteString("message", error.message);
            writer.WriteNumber("status", error.statusCode);
            writer.WriteString("requestId", error.requestId);
            writer.WriteBoolean("retryable", error.statusCode is 429 or >= 500);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    public static Task UnauthorizedAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "ZI0001", message);

    /// <summary>The legacy API's answer once the contract's record allowance is spent: a 403 that says so (no code is documented).</summary>
    public static Task RecordLimitAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, null, "You have used up all of your allowed record limit");

    public static Task BadRequestAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "PFAPI0001", message);

    public static string CodeFor(int statusCode) => statusCode switch
    {
        401 => "ZI0001",
        403 => "ZI0003",
        429 => "ZI0004",
        504 => "PFAPI0010",
        >= 500 => "PFAPI0007",
        _ => "PFAPI0001",
    };
}
