namespace Tributary.Deadlines;

/// <summary>
/// How long a caller will wait. Real-time calls carry a deadline that retries and rate-limit waits respect;
/// batch calls have none and wait for tokens instead of failing (back-pressure).
/// </summary>
public readonly record struct CallBudget(DateTimeOffset Deadline, bool IsRealTime)
{
    /// <summary>No deadline: batch work.</summary>
    public static CallBudget Batch => new(DateTimeOffset.MaxValue, false);

    public static CallBudget RealTime(DateTimeOffset now, TimeSpan budget) => new(now + budget, true);

    /// <summary>
    /// This budget, or one ending at <paramref name="floor"/> from <paramref name="now"/> when that is later: a call
    /// shared by several callers runs under at least the default request budget, so the most impatient of them does
    /// not cut its rate-limit waits and retries short for the others. Batch budgets are left as they are.
    /// </summary>
    public CallBudget AtLeast(TimeSpan floor, DateTimeOffset now) =>
        !IsRealTime || Deadline >= now + floor ? this : this with { Deadline = now + floor };

    /// <summary>Time left before the deadline (never negative; effectively infinite for batch).</summary>
    public TimeSpan Remaining(DateTimeOffset now) =>
        !IsRealTime ? Timeout.InfiniteTimeSpan : Deadline > now ? Deadline - now : TimeSpan.Zero;
}
