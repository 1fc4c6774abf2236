using Tributary.Resilience;

namespace Tributary.Connectors.ZoomInfo;

/// <summary>
/// <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> (epoch seconds, other forms accepted); <c>-1</c> means ZoomInfo's quota service
/// is unavailable and says nothing about our budget.
/// </summary>
internal static class ZoomInfoRateLimits
{
    /// <summary>The Enterprise API's standard endpoints: 25 requests a second and 1,500 a minute per account.</summary>
    public static RateLimitDefaults Defaults { get; } = new(PerMinute: 1_500, PerSecond: 25);

    public static RateLimitSignal Read(HttpResponseMessage response, DateTimeOffset now)
    {
        var remaining = HeaderValues.Long(response, "X-RateLimit-Remaining");
        var resetAt = RateLimitReset.At(HeaderValues.Long(response, "X-RateLimit-Reset"), now);
        var throttled = (int)response.StatusCode == 429;
        var retryAfter = throttled ? RetryAfter.From(response, now) ?? (resetAt > now ? resetAt - now : null) : null;
        return new RateLimitSignal(remaining is >= 0 ? remaining : null, resetAt, retryAfter, throttled);
    }
}
