using System.Net;
using Tributary.Resilience;

namespace Tributary.Connectors.Hunter;

/// <summary>
/// Hunter documents no rate-limit headers: it signals by status instead. 403 means "slow down" and is worth a retry;
/// 429 means the month's credits are spent, and no retry helps until they renew.
/// </summary>
internal static class HunterRateLimits
{
    /// <summary>Hunter's limits are per second (15/s): after a 403 every caller backs off this long, not just the one that got it.</summary>
    private static readonly TimeSpan BackOffAfter403 = TimeSpan.FromSeconds(1);

    public static RateLimitSignal Read(HttpResponseMessage response, DateTimeOffset now) =>
        response.StatusCode == HttpStatusCode.Forbidden ? new RateLimitSignal(null, null, BackOffAfter403) : RateLimitSignal.None;

    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.Forbidden or HttpStatusCode.RequestTimeout || (int)status >= 500;
}
