using System.Collections.Concurrent;

namespace Tributary.Caching;

/// <summary>
/// Writes paid answers to the store in batches, a few times a second, instead of one transaction per answer on the
/// request's path (which cost more CPU than the rest of an uncached lookup). Reads see pending answers at once.
/// A graceful stop writes everything; a crash loses at most the last batch interval of answers — the providers'
/// answers themselves were already delivered and cached in memory.
/// </summary>
public sealed class WriteBehindLookupLedger : ILookupLedger, IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    private readonly ILookupLedger _store;
    private readonly ConcurrentDictionary<string, LedgerRecord> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly ITimer _timer;

    public WriteBehindLookupLedger(ILookupLedger store, TimeProvider time)
    {
        _store = store;
        _timer = time.CreateTimer(static state => _ = ((WriteBehindLookupLedger)state!).FlushAsync(CancellationToken.None), this, FlushInterval, FlushInterval);
    }

    public ValueTask<CacheEntry?> FindAsync(string key, CancellationToken cancellationToken) =>
        _pending.TryGetValue(key, out var pending) ? ValueTask.FromResult<CacheEntry?>(pending.Entry) : _store.FindAsync(key, cancellationToken);

    public ValueTask RecordAsync(string key, string provider, CacheEntry entry, CancellationToken cancellationToken)
    {
        _pending[key] = new LedgerRecord(key, provider, entry);
        return ValueTask.CompletedTask;
    }

    /// <summary>Writes every pending answer now.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.IsEmpty)
        {
            return;
        }

        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var batch = new List<LedgerRecord>(_pending.Count);
            foreach (var key in _pending.Keys)
            {
                if (_pending.TryRemove(key, out var record))
                {
                    batch.Add(record);
                }
            }

            try
            {
                await _store.RecordManyAsync(batch, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Put them back for the next round, unless a newer answer for the same key arrived meanwhile.
                foreach (var record in batch)
                {
                    _pending.TryAdd(record.Key, record);
                }
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync();
        await FlushAsync(CancellationToken.None);
        _flushing.Dispose();
    }

    /// <summary>For containers disposed synchronously; writes what is pending before letting go.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
