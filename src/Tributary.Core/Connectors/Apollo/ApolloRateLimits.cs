using System.Net;
using Tributary.Resilience;

namespace Tributary.Connectors.Apollo;

/// <summary>
/// Apollo's fixed minute, hour and day windows, each as limit / usage / requests-left headers. The day window has
/// two spellings (<c>x-daily-*</c> in older docs, <c>x-24-hour-*</c> in newer ones); an unlimited window sends an
/// empty limit. The signal reports the tightest window, and when it is spent, when it resets; and the minute limit,
/// which sizes the gate to the team's plan.
/// </summary>
internal static class ApolloRateLimits
{
    /// <summary>
    /// The enrichment endpoints on a paid plan: 1,000 requests a minute, no hourly or daily cap. A free plan's 50 a
    /// minute arrives in <c>x-rate-limit-minute</c> with the first answer.
    /// </summary>
    public static RateLimitDefaults Defaults { get; } = new(PerMinute: 1_000);

    private static readonly Window[] Windows =
    [
        new(["x-minute-requests-left"], ["x-rate-limit-minute"], ["x-minute-usage"], _ => null),
        new(["x-hourly-requests-left"], ["x-rate-limit-hourly"], ["x-hourly-usage"], NextHour),
        new(["x-daily-requests-left", "x-24-hour-requests-left"], ["x-rate-limit-daily", "x-rate-limit-24-hour"], ["x-daily-usage", "x-24-hour-usage"], NextMidnight),
    ];

    public static RateLimitSignal Read(HttpResponseMessage response, DateTimeOffset now)
    {
        var throttled = response.StatusCode == HttpStatusCode.TooManyRequests;
        var retryAfter = throttled ? RetryAfter.From(response, now) : null;
        long? remaining = null;
        DateTimeOffset? resetAt = null;
        foreach (var window in Windows)
        {
            // Later windows are longer, so on a tie the one that resets last wins.
            if (RequestsLeft(response, window) is { } left && (remaining is null || left <= remaining))
            {
                remaining = left;
                resetAt = window.ResetAt(now);
            }
        }

        // The minute window's reset is not reported: when it is the one spent, the gate waits a minute.
        return new RateLimitSignal(remaining, resetAt, retryAfter, throttled, First(response, Windows[0].Limit) is > 0 and var limit ? limit : null);
    }

    /// <summary>The requests-left header, else limit minus usage.</summary>
    private static long? RequestsLeft(HttpResponseMessage response, Window window)
    {
        if (First(response, window.Left) is { } left)
        {
            return Math.Max(0, left);
        }

        return First(response, window.Limit) is { } limit && First(response, window.Usage) is { } usage ? Math.Max(0, limit - usage) : null;
    }

    private static long? First(HttpResponseMessage response, string[] names) =>
        names.Select(name => HeaderValues.Long(response, name)).FirstOrDefault(value => value is not null);

    private static DateTimeOffset? NextHour(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour + 1), TimeSpan.Zero);

    private static DateTimeOffset? NextMidnight(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);

    /// <summary>One window's header names, every spelling, and when a spent window resets.</summary>
    private sealed record Window(string[] Left, string[] Limit, string[] Usage, Func<DateTimeOffset, DateTimeOffset?> ResetAt);
}
