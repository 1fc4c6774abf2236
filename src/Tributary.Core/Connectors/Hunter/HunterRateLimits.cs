using System.Net;
using Tributary.Resilience;

namespace Tributary.Connectors.Hunter;

/// <summary>
/// Hunter documents no rate-limit headers: it signals by status instead. 403 means "slow down" and is worth a retry;
/// 429 means the month's credits are spent, and no retry helps until they renew.
/// </summary>
internal static class HunterRateLimits
{
    public static RateLimitSignal Read(HttpResponseMessage response, DateTimeOffset now) => RateLimitSignal.None;

    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.Forbidden or HttpStatusCode.RequestTimeout || (int)status >= 500;
}
