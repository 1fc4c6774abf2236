using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Hunter;

/// <summary>
/// Hunter sends no rate-limit headers; going over the per-minute limit (500 for the enrichment
/// endpoints) is a 403, and 429 means the month's credits are gone.
/// </summary>
internal sealed class HunterConventions : IProviderConventions
{
    public int DefaultPerMinuteLimit => 500;

    public void WriteRateLimitHeaders(HttpContext context, RateWindow window)
    {
        // Hunter documents no rate-limit headers; clients pace themselves and back off on 403.
    }

    public Task WriteRateLimitedAsync(HttpContext context, RateWindow window) =>
        HunterErrors.WriteAsync(context, StatusCodes.Status403Forbidden, "rate_limit_reached",
            "You have reached the rate limit for this endpoint. Please slow down your requests.");

    public Task WriteTooManyRequestsAsync(HttpContext context, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return HunterErrors.QuotaExhaustedAsync(context);
    }

    public Task WriteFailureAsync(HttpContext context, int statusCode) =>
        HunterErrors.WriteAsync(context, statusCode, statusCode >= 500 ? "server_error" : "wrong_params",
            "Something went wrong. Please try again later.");
}
