using Microsoft.AspNetCore.Http;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Apollo;

/// <summary>Apollo's error bodies, which differ by endpoint and status.</summary>
internal static class ApolloErrors
{
    /// <summary>401 is plain text, not JSON.</summary>
    public static Task InvalidApiKeyAsync(HttpContext context) =>
        JsonResponse.WritePlainTextAsync(context, StatusCodes.Status401Unauthorized,
            "Invalid API key. See https://docs.apollo.io/reference/authentication for how to authenticate.");

    /// <summary><c>{"error":"…"}</c>, as 422 and most other failures.</summary>
    public static Task MessageAsync(HttpContext context, int statusCode, string message) =>
        JsonResponse.WriteAsync(context, statusCode, message, static (writer, text) =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", text);
            writer.WriteEndObject();
        });

    /// <summary>The bulk endpoints' envelope: <c>{"status":"failed","error_code","error_message"}</c>.</summary>
    public static Task BulkFailedAsync(HttpContext context, string code, string message) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status400BadRequest, (code, message), static (writer, error) =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "failed");
            writer.WriteString("error_code", error.code);
            writer.WriteString("error_message", error.message);
            writer.WriteEndObject();
        });

    /// <summary>The 429 body names the endpoint and the window that ran out (see apollo-429.json).</summary>
    public static Task RateLimitedAsync(HttpContext context, int limit, string window) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status429TooManyRequests, $"The maximum number of api calls allowed for {context.Request.Path.Value?.TrimStart('/')} is {limit} times per {window}. Please upgrade your plan from https://app.apollo.io/#/settings/plans/upgrade.",
            static (writer, message) =>
            {
                writer.WriteStartObject();
                writer.WriteString("message", message);
                writer.WriteEndObject();
            });
}
