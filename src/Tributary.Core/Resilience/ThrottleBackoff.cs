namespace Tributary.Resilience;

/// <summary>
/// How long every caller stops after a provider says "slow down" without saying for how long (Hunter's 403, a 429
/// without Retry-After): 1 s, then 2 s, 4 s… for each probe that is throttled again, with ±20 % jitter, up to a cap.
/// A success resets it. Answers to requests sent before the current pause ended belong to the same episode and do not
/// escalate it, so several callers throttled at once count as one. Not thread-safe: the gate locks around it.
/// </summary>
internal sealed class ThrottleBackoff(TimeSpan cap, Random random)
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);

    private int _level;
    private DateTimeOffset _pauseEnds = DateTimeOffset.MinValue;

    public TimeSpan Cap { get; } = cap;

    /// <summary>
    /// A throttled answer to a request sent at <paramref name="sentAt"/>: the pause to apply from
    /// <paramref name="now"/>, or null when the answer belongs to a pause already under way.
    /// <paramref name="retryAfter"/>, when the provider gave one, is used as it is.
    /// </summary>
    public TimeSpan? Throttled(DateTimeOffset sentAt, DateTimeOffset now, TimeSpan? retryAfter)
    {
        if (sentAt < _pauseEnds)
        {
            return retryAfter;
        }

        _level = Math.Min(_level + 1, 62);
        var pause = retryAfter ?? Jittered(_level);
        _pauseEnds = now + pause;
        return pause;
    }

    /// <summary>An answer that was not throttled, to a request sent at <paramref name="sentAt"/>.</summary>
    public void Succeeded(DateTimeOffset sentAt)
    {
        if (sentAt >= _pauseEnds)
        {
            _level = 0;
        }
    }

    private TimeSpan Jittered(int level)
    {
        var doubled = Math.Min(First.TotalSeconds * Math.Pow(2, level - 1), Cap.TotalSeconds * 2);
        var jittered = doubled * (0.8 + (0.4 * random.NextDouble()));
        return TimeSpan.FromSeconds(Math.Min(jittered, Cap.TotalSeconds));
    }
}
