namespace Tributary.Caching;

/// <summary>
/// One provider call in flight for one lookup key. Whoever claimed it makes the call and lands it; everyone else
/// asking for the same key meanwhile — a real-time request, a batch record, a bulk chunk — awaits its answer.
/// </summary>
public sealed class LookupFlight
{
    private readonly TaskCompletionSource<CacheEntry> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal LookupFlight(string key, bool isBatch)
    {
        Key = key;
        IsBatch = isBatch;
    }

    public string Key { get; }

    /// <summary>
    /// Batch calls wait for tokens and retry without a deadline; a real-time call may give up with a timeout, which a
    /// batch record that joined it does not accept as its answer.
    /// </summary>
    public bool IsBatch { get; }

    /// <summary>The entry the call produced; never faults (a crashed call lands as a failure entry).</summary>
    public Task<CacheEntry> Answer => _answer.Task;

    internal bool TryLand(CacheEntry entry) => _answer.TrySetResult(entry);
}
