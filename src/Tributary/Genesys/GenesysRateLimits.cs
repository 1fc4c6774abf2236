using System.Globalization;
using Tributary.Resilience;

namespace Tributary.Host.Genesys;

/// <summary>
/// Genesys Cloud's rate-limit signals: <c>inin-ratelimit-count</c> (used), <c>-allowed</c> (the per-token limit a
/// minute, 300 when last documented) and <c>-reset</c> (seconds to the window's end) on answers, and 429 with
/// <c>Retry-After</c>. Read into the shared gate's terms so the client paces itself under the token's limit.
/// </summary>
internal static class GenesysRateLimits
{
    /// <summary>The SDKs wait this long on a 429 that does not say how long.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(3);

    /// <summary>300 requests a minute per token (developer blog "Caching in flows"), until the headers say otherwise.</summary>
    public static RateLimitDefaults Defaults { get; } = new(300);

    /// <summary>
    /// What <paramref name="response"/> says of the token's window: used, allowed, reset. A 429 is left out: it may
    /// be one API's limit rather than the token's, so its pause is the API's (<see cref="GenesysPacer"/>); when it is
    /// the token's, the window it reports as spent holds every API until the reset anyway.
    /// </summary>
    public static RateLimitSignal Window(HttpResponseMessage response, DateTimeOffset now)
    {
        var count = Header(response, "inin-ratelimit-count");
        var allowed = Header(response, "inin-ratelimit-allowed");
        var reset = Header(response, "inin-ratelimit-reset");
        long? remaining = count is { } used && allowed is { } limit ? (long)(limit - used) : null;
        DateTimeOffset? resetAt = reset is { } seconds and >= 0 ? now + TimeSpan.FromSeconds(seconds) : null;
        return new RateLimitSignal(remaining, resetAt, RetryAfter: null, Throttled: false, allowed is > 0 ? (long)allowed : null);
    }

    /// <summary>How long a 429 asks to wait: Retry-After, else the window's reset, else 3 s.</summary>
    public static TimeSpan RetryDelay(HttpResponseMessage response, DateTimeOffset now) =>
        RetryAfter.From(response, now)
        ?? (Header(response, "inin-ratelimit-reset") is { } reset and >= 0 ? TimeSpan.FromSeconds(reset) : DefaultRetryAfter);

    private static double? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && double.IsFinite(value)
            ? value
            : null;
}
