using Tributary.Resilience;

namespace Tributary.Connectors.Clearbit;

/// <summary>
/// Clearbit's <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> (seconds until the window resets, an epoch time
/// accepted too); 429 when
/// throttled. Its <c>X-RateLimit-Limit</c> is not read as a per-minute limit: the window it counts is not documented.
/// </summary>
internal static class ClearbitRateLimits
{
    /// <summary>600 requests a minute per API (Clearbit's FAQ).</summary>
    public static RateLimitDefaults Defaults { get; } = new(PerMinute: 600);

    public static RateLimitSignal Read(HttpResponseMessage response, DateTimeOffset now)
    {
        var remaining = HeaderValues.Long(response, "X-RateLimit-Remaining");
        var resetAt = RateLimitReset.At(HeaderValues.Long(response, "X-RateLimit-Reset"), now);
        var throttled = (int)response.StatusCode == 429;
        var retryAfter = throttled ? RetryAfter.From(response, now) ?? (resetAt > now ? resetAt - now : null) : null;
        return new RateLimitSignal(remaining, resetAt, retryAfter, throttled);
    }
}
