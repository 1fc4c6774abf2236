namespace Tributary.Resilience;

/// <summary>
/// An <c>X-RateLimit-Reset</c> number, read liberally: providers document seconds until the reset (Clearbit) or the
/// reset's epoch seconds (ZoomInfo, PDL), and proxies and SDKs send the other form or epoch milliseconds. The size
/// of the number tells them apart; one that fits none of them, or a reset more than a month away, is ignored rather than trusted.
/// </summary>
public static class RateLimitReset
{
    // Below this many seconds (about 31 years) a number is a delay; from it, an epoch time (2001 and later).
    private const long EpochSecondsFrom = 1_000_000_000;
    private const long EpochMillisecondsFrom = 100_000_000_000;
    private const long EpochMillisecondsTo = 100_000_000_000_000;

    public static DateTimeOffset? At(long? value, DateTimeOffset now)
    {
        DateTimeOffset? at = value switch
        {
            null or < 0 => null,
            < EpochSecondsFrom => now + TimeSpan.FromSeconds(value.Value),
            < EpochMillisecondsFrom => DateTimeOffset.FromUnixTimeSeconds(value.Value),
            < EpochMillisecondsTo => DateTimeOffset.FromUnixTimeMilliseconds(value.Value),
            _ => null,
        };

        // As for Retry-After, no window is longer than a month.
        return at - now > RetryAfter.Longest ? null : at;
    }
}
