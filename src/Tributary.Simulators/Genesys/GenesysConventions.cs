using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Genesys;

/// <summary>
/// Genesys Cloud's rate-limit signals: <c>inin-ratelimit-count</c> / <c>-allowed</c> / <c>-reset</c> and an
/// <c>ININ-Correlation-Id</c> on every answer; 429 <c>too.many.requests</c> with Retry-After beyond the limit (300 a
/// minute advertised, enforced under the PerMinuteLimit fault).
/// </summary>
internal sealed class GenesysConventions : IProviderConventions
{
    public int DefaultPerMinuteLimit => 300;

    public void WriteRateLimitHeaders(HttpContext context, RateWindow window)
    {
        var headers = context.Response.Headers;
        headers["inin-ratelimit-count"] = window.Used.ToString(CultureInfo.InvariantCulture);
        headers["inin-ratelimit-allowed"] = window.Limit.ToString(CultureInfo.InvariantCulture);
        headers["inin-ratelimit-reset"] = window.SecondsUntilReset.ToString(CultureInfo.InvariantCulture);
        headers["ININ-Correlation-Id"] = Guid.NewGuid().ToString();
    }

    public Task WriteRateLimitedAsync(HttpContext context, RateWindow window) =>
        GenesysErrors.TooManyRequestsAsync(context, window.SecondsUntilReset);

    public Task WriteTooManyRequestsAsync(HttpContext context, int retryAfterSeconds) =>
        GenesysErrors.TooManyRequestsAsync(context, retryAfterSeconds);

    public Task WriteFailureAsync(HttpContext context, int statusCode) =>
        GenesysErrors.WriteAsync(context, statusCode, GenesysErrors.CodeFor(statusCode), "The request could not be completed.");
}
