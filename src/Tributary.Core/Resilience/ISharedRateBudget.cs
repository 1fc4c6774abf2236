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

    /// <summary>Stops every process's calls to <paramref name="provider"/> for <paramref name="length"/> (a later, longer pause wins).</summary>
    ValueTask PauseAsync(string provider, TimeSpan length);
}

/// <param name="PerMinute">Requests in any 60 s, for the whole account.</param>
/// <param name="PerSecond">Requests in any second, when the provider has such a limit.</param>
/// <param name="RealtimeShare">The part of the minute batch work leaves to real-time calls while there are any.</param>
public readonly record struct SharedQuota(int PerMinute, int? PerSecond, double RealtimeShare);
