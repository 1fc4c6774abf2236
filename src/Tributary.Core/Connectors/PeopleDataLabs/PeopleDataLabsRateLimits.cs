using System.Globalization;
using System.Net;
using Tributary.Resilience;

namespace Tributary.Connectors.PeopleDataLabs;

/// <summary>
/// PDL's <c>x-ratelimit-remaining</c> and <c>x-ratelimit-limit</c> are Python-dict-like strings
/// (<c>{'minute': 999}</c>, possibly with <c>day</c> and <c>month</c> windows); <c>x-ratelimit-reset</c> is a UTC
/// timestamp. PDL sends no Retry-After: a 429 waits until the reset. The limit header's minute window sizes the gate.
/// </summary>
internal static class PeopleDataLabsRateLimits
{
    /// <summary>
    /// Person enrichment on a paid plan: 1,000 requests a minute, counted in fixed 60-second windows. A free plan's
    /// 100 a minute arrives in <c>x-ratelimit-limit</c> with the first answer.
    /// </summary>
    public static RateLimitDefaults Defaults { get; } = new(PerMinute: 1_000);

    public static RateLimitSignal Read(HttpResponseMessage response, DateTimeOffset now)
    {
        var remaining = Window(HeaderValues.First(response, "x-ratelimit-remaining"));
        var resetAt = ResetAt(response, now);
        var throttled = response.StatusCode == HttpStatusCode.TooManyRequests;
        var retryAfter = throttled ? RetryAfter.From(response, now) ?? (resetAt > now ? resetAt - now : null) : null;
        long? perMinute = Windows(HeaderValues.First(response, "x-ratelimit-limit")).TryGetValue("minute", out var limit) && limit > 0 ? limit : null;
        return new RateLimitSignal(remaining, resetAt, retryAfter, throttled, perMinute);
    }

    /// <summary><c>x-ratelimit-reset</c> as an instant: an ISO timestamp (a number is accepted too, as <see cref="RateLimitReset"/> reads it).</summary>
    public static DateTimeOffset? ResetAt(HttpResponseMessage response, DateTimeOffset now)
    {
        var text = HeaderValues.First(response, "x-ratelimit-reset")?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return RateLimitReset.At(number, now);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
    }

    /// <summary>Requests left in the tightest window the header names: 50 left today caps a minute that has 900.</summary>
    public static long? Window(string? header)
    {
        var windows = Windows(header);
        return windows.Count == 0 ? null : windows.Values.Min();
    }

    /// <summary><c>{'minute': 1000, 'day': 5000}</c> → minute: 1000, day: 5000. A bare number counts as the minute window.</summary>
    public static IReadOnlyDictionary<string, long> Windows(string? header)
    {
        var windows = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(header))
        {
            return windows;
        }

        if (Number(header) is { } bare)
        {
            windows["minute"] = bare;
            return windows;
        }

        foreach (var pair in header.Trim().TrimStart('{').TrimEnd('}').Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split(':', 2);
            if (parts.Length == 2 && Number(parts[1]) is { } value)
            {
                windows[parts[0].Trim().Trim('\'', '"')] = value;
            }
        }

        return windows;
    }

    private static long? Number(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? (long)value : null;
}
