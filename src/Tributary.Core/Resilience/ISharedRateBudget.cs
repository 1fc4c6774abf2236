namespace Tributary.Resilience;

/// <summary>
/// A provider account's request budget shared by every process that calls it (Redis when <c>Cache:Redis</c> is set):
/// one sliding minute (and second) for all of them, real-time headroom kept from batch work, and a throttle's pause
/// seen by all. When it cannot be reached, each process falls back to its own gate at 1/<see cref="Nodes"/> of the quota.
/// </summary>
public interface ISharedRateBudget
{
    /// <summary>Whether the shared budget can be asked now.</summary>
    bool IsAvailable { get; }

    /// <summary>Processes sharing the quota: configured, or the last count of live ones; at least 1.</summary>
    int Nodes { get; }

    /// <summary>
    /// Takes one request from <paramref name="provider"/>'s shared budget: <see cref="TimeSpan.Zero"/> when taken, how
    /// long to wait before asking again when not, null when the shared budget could not be reached.
    /// </summary>
    ValueTask<TimeSpan?> TryTakeAsync(string provider, SharedQuota quota, bool realTime, CancellationToken cancellationToken);

    /// <summary>Requests the shared window has room for now, for every process together; null when it cannot be reached.</summary>
    ValueTask<long?> RemainingAsync(string provider, SharedQuota quota, CancellationToken cancellationToken);

    /// <summary>Stops every process's calls to <paramref name="provider"/> for <paramref name="length"/> (a later, longer pause wins).</summary>
    ValueTask PauseAsync(string provider, TimeSpan length);
}

/// <param name="Limit">Requests in any <paramref name="Window"/>, for the whole account.</param>
/// <param name="PerSecond">Requests in any second, when the provider has such a limit.</param>
/// <param name="RealtimeShare">The part of the window batch work leaves to real-time calls while there are any.</param>
/// <param name="Window">The provider's interval and a margin: a request let go the instant the oldest leaves the window
/// must not reach the provider before its own window has let that one go (the oldest may have been slow to arrive).</param>
public readonly record struct SharedQuota(int Limit, int? PerSecond, double RealtimeShare, TimeSpan Window)
{
    /// <summary>A provider's per-minute quota, counted over 61 s (60/61 of the quota is the margin's price).</summary>
    public static SharedQuota PerMinute(int limit, int? perSecond, double realtimeShare) =>
        new(limit, perSecond, realtimeShare, TimeSpan.FromSeconds(61));
}
