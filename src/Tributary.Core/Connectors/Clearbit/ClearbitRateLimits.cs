using Tributary.Resilience;

namespace Tributary.Connectors.Clearbit;

/// <summary>
/// Clearbit sends the standard headers (its reset in seconds until the window resets); its <c>X-RateLimit-Limit</c> is
/// not read as a per-minute limit, as the window it counts is not documented.
/// </summary>
internal static class ClearbitRateLimits
{
    /// <summary>600 requests a minute per API (Clearbit's FAQ).</summary>
    public static RateLimitDefaults Defaults { get; } = new(PerMinute: 600);

    public static RateLimitSignal Read(HttpResponseMessage response, DateTimeOffset now) => StandardRateLimits.Read(response, now);
}
