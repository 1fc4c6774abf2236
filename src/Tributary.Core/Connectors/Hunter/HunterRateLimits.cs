using System.Net;
using Tributary.Resilience;

namespace Tributary.Connectors.Hunter;

/// <summary>
/// Hunter documents no rate-limit headers: it signals by status instead. 403 means "slow down" and is worth a retry
/// (every caller backs off, longer each time Hunter keeps answering 403); 429 means the month's credits are spent,
/// and no retry helps until they renew.
/// </summary>
internal static class HunterRateLimits
{
    /// <summary>Domain Search, Email Finder and the enrichment endpoints: 15 requests a second and 500 a minute.</summary>
    public static RateLimitDefaults Defaults { get; } = new(PerMinute: 500, PerSecond: 15);

    public static RateLimitSignal Read(HttpResponseMessage response, DateTimeOffset now) =>
        response.StatusCode == HttpStatusCode.Forbidden ? new RateLimitSignal(null, null, null, Throttled: true) : RateLimitSignal.None;

    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.Forbidden or HttpStatusCode.RequestTimeout || (int)status >= 500;
}
