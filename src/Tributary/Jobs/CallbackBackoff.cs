namespace Tributary.Host.Jobs;

/// <summary>
/// The wait before a callback's next attempt: the receiver's <c>Retry-After</c> when it sent one, else the first
/// retry's delay doubled at each attempt, give or take 10 % so that callbacks failed together do not retry together.
/// (Polly's decorrelated jitter grows far more slowly over five attempts than the doubling docs/jobs.md promises.)
/// </summary>
internal static class CallbackBackoff
{
    private const double Jitter = 0.1;

    /// <param name="first">The delay before the first retry (<c>Jobs:CallbackRetryDelayMs</c>).</param>
    /// <param name="retry">Zero for the first retry.</param>
    /// <param name="answer">The failed attempt's response, when there was one.</param>
    /// <param name="now">To read a <c>Retry-After</c> given as a date.</param>
    public static TimeSpan Delay(TimeSpan first, int retry, HttpResponseMessage? answer, DateTimeOffset now)
    {
        if (answer?.Headers.RetryAfter is { } retryAfter)
        {
            var asked = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : TimeSpan.Zero);
            return asked > TimeSpan.Zero ? asked : TimeSpan.Zero;
        }

        var doubled = first * Math.Pow(2, Math.Min(retry, 30));
        return doubled * (1 + Jitter * ((Random.Shared.NextDouble() * 2) - 1));
    }
}
