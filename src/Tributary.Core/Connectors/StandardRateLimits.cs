using Tributary.Resilience;

namespace Tributary.Connectors;

/// <summary>
/// The de-facto standard rate-limit headers many APIs send: <c>X-RateLimit-Remaining</c> (a negative number says
/// nothing about the budget), <c>X-RateLimit-Reset</c> (seconds until it or an epoch time), and a 429 whose
/// <c>Retry-After</c> (or, without one, the time until the reset) pauses the provider for every caller.
/// </summary>
internal static class StandardRateLimits
{
    public static RateLimitSignal Read(HttpResponseMessage response, DateTimeOffset now)
    {
        var remaining = HeaderValues.Long(response, "X-RateLimit-Remaining");
        var resetAt = RateLimitReset.At(HeaderValues.Long(response, "X-RateLimit-Reset"), now);
        var throttled = (int)response.StatusCode == 429;
        var retryAfter = throttled ? RetryAfter.From(response, now) ?? (resetAt > now ? resetAt - now : null) : null;
        return new RateLimitSignal(remaining is >= 0 ? remaining : null, resetAt, retryAfter, throttled);
    }
}
