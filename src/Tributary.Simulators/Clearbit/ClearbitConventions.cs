using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Clearbit;

/// <summary>
/// Clearbit: 600 requests a minute, <c>X-RateLimit-Limit/Remaining/Reset</c> on every answer with
/// Reset in seconds until the window resets, and 429 with a Retry-After beyond the limit.
/// </summary>
internal sealed class ClearbitConventions : IProviderConventions
{
    public int DefaultPerMinuteLimit => 600;

    public void WriteRateLimitHeaders(HttpContext context, RateWindow window)
    {
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = window.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = window.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = window.SecondsUntilReset.ToString(CultureInfo.InvariantCulture);
    }

    public Task WriteRateLimitedAsync(HttpContext context, RateWindow window) =>
        WriteTooManyRequestsAsync(context, window.SecondsUntilReset);

    public Task WriteTooManyRequestsAsync(HttpContext context, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return ClearbitErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, "rate_limit",
            "You have exceeded your rate limit. Please slow down and retry after the Retry-After period.");
    }

    public Task WriteFailureAsync(HttpContext context, int statusCode) =>
        ClearbitErrors.WriteAsync(context, statusCode, ClearbitErrors.TypeFor(statusCode), "Something went wrong on our end; please retry.");
}
