namespace Tributary.Enrichment;

/// <summary>
/// How long a caller will wait. Real-time calls carry a deadline that retries and rate-limit waits respect;
/// batch calls have none and wait for tokens instead of failing (back-pressure).
/// </summary>
public readonly record struct CallBudget(DateTimeOffset Deadline, bool IsRealTime)
{
    /// <summary>No deadline: batch work.</summary>
    public static CallBudget Batch => new(DateTimeOffset.MaxValue, false);

    public static CallBudget RealTime(DateTimeOffset now, TimeSpan budget) => new(now + budget, true);

    /// <summary>Time left before the deadline (never negative; effectively infinite for batch).</summary>
    public TimeSpan Remaining(DateTimeOffset now) =>
        !IsRealTime ? Timeout.InfiniteTimeSpan : Deadline > now ? Deadline - now : TimeSpan.Zero;
}
