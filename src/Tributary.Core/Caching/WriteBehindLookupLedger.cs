using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Tributary.Caching;

/// <summary>
/// Writes paid answers to the store in batches (one transaction for many answers, a few times a second) instead of
/// one transaction per answer on the request's path, which cost more CPU than the rest of an uncached lookup.
/// The queue is bounded: when the store falls behind, writers wait for room instead of memory growing. Queued answers
/// stay visible to lookups until committed. <see cref="FlushAsync"/> is a barrier: batch work calls it after each paid
/// answer, before that call's slot takes the next lookup, so a crash loses only answers whose call was still in
/// flight. A failed write is logged and retried with backoff; the answers stay queued and visible.
/// </summary>
public sealed class WriteBehindLookupLedger : ILookupLedger, IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);
    private const int ShutdownAttempts = 3;

    private readonly ILookupLedger _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _flushSize;
    private readonly SemaphoreSlim _room;
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly Lock _sync = new();
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _stopping = new();
    private PendingBatch _open = new();
    private PendingBatch? _writing;
    private int _flushWaiting;

    /// <param name="store">Where answers are committed.</param>
    /// <param name="time">Drives the flush interval and retry delays.</param>
    /// <param name="capacity">Answers that may wait to be written before writers wait for room.</param>
    /// <param name="logger">Where write failures are reported.</param>
    public WriteBehindLookupLedger(ILookupLedger store, TimeProvider time, int capacity = 4096, ILogger<WriteBehindLookupLedger>? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _store = store;
        _time = time;
        _logger = logger ?? NullLogger<WriteBehindLookupLedger>.Instance;
        _room = new SemaphoreSlim(capacity, capacity);
        _flushSize = Math.Max(1, capacity / 4);
        _timer = time.CreateTimer(static state => _ = ((WriteBehindLookupLedger)state!).FlushAsync(CancellationToken.None), this, FlushInterval, FlushInterval);
    }

    /// <summary>Answers accepted and not yet committed.</summary>
    public int Queued
    {
        get
        {
            lock (_sync)
            {
                return _open.Records.Count + (_writing?.Records.Count ?? 0);
            }
        }
    }

    public ValueTask<CacheEntry?> FindAsync(string key, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (_open.Records.TryGetValue(key, out var open))
            {
                return ValueTask.FromResult<CacheEntry?>(open.Entry);
            }

            if (_writing is not null && _writing.Records.TryGetValue(key, out var writing))
            {
                return ValueTask.FromResult<CacheEntry?>(writing.Entry);
            }
        }

        return _store.FindAsync(key, cancellationToken);
    }

    /// <summary>Queues the answer, waiting for room when the store has fallen behind.</summary>
    public async ValueTask RecordAsync(string key, string provider, CacheEntry entry, CancellationToken cancellationToken)
    {
        await _room.WaitAsync(cancellationToken);
        bool full;
        lock (_sync)
        {
            var record = new LedgerRecord(key, provider, entry);
            if (!_open.Records.TryAdd(key, record))
            {
                // A newer answer for a queued key replaces it and takes no more room.
                _open.Records[key] = record;
                _room.Release();
            }

            full = _open.Records.Count >= _flushSize;
        }

        if (full)
        {
            FlushSoon();
        }
    }

    /// <summary>
    /// Starts a flush unless one is already waiting to start: whatever is queued by then goes in it, so a full queue
    /// makes one commit at a time, each as large as the answers that arrived during the last.
    /// </summary>
    private void FlushSoon()
    {
        if (Interlocked.Exchange(ref _flushWaiting, 1) == 0)
        {
            _ = FlushAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Returns once every answer queued before the call is committed (waiting for a write already under way), retrying
    /// failed writes until they succeed or the ledger is disposed.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);

        // Answers queued from here on need a flush of their own.
        Interlocked.Exchange(ref _flushWaiting, 0);
        try
        {
            PendingBatch batch;
            lock (_sync)
            {
                if (_open.Records.Count == 0)
                {
                    return;
                }

                batch = _open;
                _writing = batch;
                _open = new PendingBatch();
            }

            await CommitAsync(batch);
        }
        finally
        {
            _flushing.Release();
        }
    }

    private async Task CommitAsync(PendingBatch batch)
    {
        var delay = FlushInterval;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _store.RecordManyAsync(batch.Records.Values, CancellationToken.None);
                break;
            }
            catch (Exception ex)
            {
                if (_stopping.IsCancellationRequested && attempt >= ShutdownAttempts)
                {
                    LedgerLog.LostAtShutdown(_logger, batch.Records.Count, ex.GetType().Name);
                    break;
                }

                LedgerLog.FlushFailed(_logger, batch.Records.Count, ex.GetType().Name, ex.Message, (long)delay.TotalMilliseconds);
                try
                {
                    await Task.Delay(delay, _time, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    // Shutting down: a last few attempts without waiting.
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }

        lock (_sync)
        {
            _writing = null;
        }

        _room.Release(batch.Records.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync();
        await _stopping.CancelAsync();
        await FlushAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    /// <summary>For containers disposed synchronously (never on a request or batch path); commits what is queued first.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Answers queued together, committed in one transaction.</summary>
    private sealed class PendingBatch
    {
        public Dictionary<string, LedgerRecord> Records { get; } = new(StringComparer.Ordinal);
    }
}
