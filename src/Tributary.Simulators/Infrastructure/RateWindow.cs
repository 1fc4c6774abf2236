namespace Tributary.Simulators.Infrastructure;

/// <summary>The state of a fixed rate-limit window after counting one request.</summary>
internal readonly record struct RateWindow(int Limit, int Used, DateTimeOffset ResetsAt, DateTimeOffset Now, bool Allowed)
{
    public int Remaining => Math.Max(0, Limit - Used);

    /// <summary>Whole seconds until the window resets, at least 1 so a client never retries immediately.</summary>
    public int SecondsUntilReset => Math.Max(1, (int)Math.Ceiling((ResetsAt - Now).TotalSeconds));
}
