using Tributary.Resilience;

namespace Tributary.Connectors.ZoomInfo;

/// <summary>
/// The legacy API's standard <c>X-RateLimit-Remaining</c> / <c>X-RateLimit-Reset</c>, and, where those are absent, the
/// GTM API's per-window <c>X-RateLimit-Remaining-Second|Hour|Day</c>. <c>-1</c> means ZoomInfo's quota service is
/// unavailable and says nothing about our budget; a 429's <c>Retry-After</c> covers whichever window was spent.
/// </summary>
internal static class ZoomInfoRateLimits
{
    /// <summary>The Enterprise API's standard endpoints: 25 requests a second and 1,500 a minute per account.</summary>
    public static RateLimitDefaults Defaults { get; } = new(PerMinute: 1_500, PerSecond: 25);

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    public static RateLimitSignal Read(HttpResponseMessage response, DateTimeOffset now)
    {
        var signal = StandardRateLimits.Read(response, now);
        if (signal.Remaining is not null)
        {
            return signal;
        }

        // GTM: a spent second resumes on the next one; the hour and day windows slide, so they name no reset.
        if (HeaderValues.Long(response, "X-RateLimit-Remaining-Second") == 0)
        {
            return signal with { Remaining = 0, ResetAt = signal.ResetAt ?? now + Second };
        }

        long?[] windows = [HeaderValues.Long(response, "X-RateLimit-Remaining-Hour"), HeaderValues.Long(response, "X-RateLimit-Remaining-Day")];
        var left = windows.Where(static w => w >= 0).Min();
        return left is null ? signal : signal with { Remaining = left };
    }
}
