using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.PeopleDataLabs;

/// <summary>
/// PDL: 1,000 requests a minute per key, reported in Python-dict-like headers
/// (<c>x-ratelimit-limit: {'minute': 1000}</c>) with <c>x-ratelimit-reset</c> as a UTC timestamp.
/// PDL sends no Retry-After, so neither 429 here does; clients wait for x-ratelimit-reset.
/// One window covers all endpoints (PDL keeps one per endpoint).
/// </summary>
internal sealed class PdlConventions(TimeProvider timeProvider) : IProviderConventions
{
    public int DefaultPerMinuteLimit => 1000;

    public void WriteRateLimitHeaders(HttpContext context, RateWindow window)
    {
        var headers = context.Response.Headers;
        headers["x-ratelimit-limit"] = $"{{'minute': {window.Limit.ToString(CultureInfo.InvariantCulture)}}}";
        headers["x-ratelimit-remaining"] = $"{{'minute': {window.Remaining.ToString(CultureInfo.InvariantCulture)}}}";
        headers["x-ratelimit-reset"] = Timestamp(window.ResetsAt);
    }

    public Task WriteRateLimitedAsync(HttpContext context, RateWindow window) => WriteRateLimitErrorAsync(context);

    public Task WriteTooManyRequestsAsync(HttpContext context, int retryAfterSeconds)
    {
        context.Response.Headers["x-ratelimit-reset"] = Timestamp(timeProvider.GetUtcNow().AddSeconds(retryAfterSeconds));
        return WriteRateLimitErrorAsync(context);
    }

    public Task WriteFailureAsync(HttpContext context, int statusCode) =>
        PdlErrors.WriteAsync(context, statusCode, PdlErrors.TypeFor(statusCode), "An error occurred on our side. Please try again later.");

    private static Task WriteRateLimitErrorAsync(HttpContext context) =>
        PdlErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, "rate_limit_error",
            "An error occurred due to requests hitting the API too quick. Wait until x-ratelimit-reset before retrying.");

    private static string Timestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
