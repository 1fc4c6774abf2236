using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.ZoomInfo;

/// <summary>
/// ZoomInfo legacy API: 1,500 requests a minute, <c>X-RateLimit-Limit/Remaining</c> and
/// <c>X-RateLimit-Reset</c> as epoch seconds; 429 with Retry-After and code ZI0004.
/// </summary>
internal sealed class ZoomInfoConventions : IProviderConventions
{
    public int DefaultPerMinuteLimit => 1500;

    public void WriteRateLimitHeaders(HttpContext context, RateWindow window)
    {
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = window.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = window.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = window.ResetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }

    public Task WriteRateLimitedAsync(HttpContext context, RateWindow window) =>
        WriteTooManyRequestsAsync(context, window.SecondsUntilReset);

    public Task WriteTooManyRequestsAsync(HttpContext context, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return ZoomInfoErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, "ZI0004",
            "You have exceeded the rate limit for this resource. Please try again later.");
    }

    public Task WriteFailureAsync(HttpContext context, int statusCode) =>
        ZoomInfoErrors.WriteAsync(context, statusCode, ZoomInfoErrors.CodeFor(statusCode), "The request could not be processed. Please try again later.");
}
