using Tributary.Resilience;

namespace Tributary.Connectors.Clearbit;

/// <summary>Clearbit's <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> (seconds until the window resets).</summary>
internal static class ClearbitRateLimits
{
    public static RateLimitSignal Read(HttpResponseMessage response, DateTimeOffset now)
    {
        var remaining = HeaderValues.Long(response, "X-RateLimit-Remaining");
        var reset = HeaderValues.Long(response, "X-RateLimit-Reset");
        var retryAfter = (int)response.StatusCode == 429 ? RetryAfter.From(response, now) ?? (reset is > 0 ? TimeSpan.FromSeconds(reset.Value) : null) : null;
        return new RateLimitSignal(remaining, reset is >= 0 ? now + TimeSpan.FromSeconds(reset.Value) : null, retryAfter);
    }
}
