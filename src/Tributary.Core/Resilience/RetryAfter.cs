namespace Tributary.Resilience;

/// <summary>
/// Reads the standard <c>Retry-After</c> header (seconds or an HTTP date). A wait longer than <see cref="Longest"/> is
/// taken as that: no provider's quota window is longer than a month, and a larger number is a mistake, not a plan.
/// </summary>
public static class RetryAfter
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(31);

    public static TimeSpan? From(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return AtMostLongest(delta);
        }

        if (header?.Date is { } date)
        {
            return date > now ? AtMostLongest(date - now) : TimeSpan.Zero;
        }

        // Some providers send fractional or otherwise non-standard values that the typed header rejects.
        if (response.Headers.TryGetValues("Retry-After", out var values)
            && double.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0)
        {
            return seconds < Longest.TotalSeconds ? TimeSpan.FromSeconds(seconds) : Longest;
        }

        return null;
    }

    private static TimeSpan AtMostLongest(TimeSpan wait) => wait < Longest ? wait : Longest;
}
