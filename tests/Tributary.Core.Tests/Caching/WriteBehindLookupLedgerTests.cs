using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tributary.Caching;
using Tributary.Enrichment;
using Tributary.Profiles;

namespace Tributary.Tests.Caching;

public sealed class WriteBehindLookupLedgerTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly GatedLedger _store = new();
    private readonly ListLogger _logger = new();
    private readonly WriteBehindLookupLedger _ledger;

    public WriteBehindLookupLedgerTests() => _ledger = new WriteBehindLookupLedger(_store, _time, capacity: 2, _logger);

    public async ValueTask DisposeAsync()
    {
        _store.Open();
        await _ledger.DisposeAsync();
    }

    private CacheEntry Entry() => new(ProviderStatus.NoMatch, Profile.Empty, 0, _time.GetUtcNow(), _time.GetUtcNow().AddDays(7));

    [Fact]
    public async Task Accept_WhenTheQueueIsFull_WaitsForTheStoreInsteadOfGrowing()
    {
        _store.Close();
        await _ledger.RecordAsync("a", "clearbit", Entry(), CancellationToken.None);
        await _ledger.RecordAsync("b", "clearbit", Entry(), CancellationToken.None);

        var third = _ledger.RecordAsync("c", "clearbit", Entry(), CancellationToken.None).AsTask();
        var flush = _ledger.FlushAsync(CancellationToken.None);

        third.IsCompleted.ShouldBeFalse();
        _store.Open();
        await flush;
        await third;
        await _ledger.FlushAsync(CancellationToken.None);
        _ledger.Queued.ShouldBe(0);
    }

    [Fact]
    public async Task Find_WhileItsBatchIsBeingWritten_StillSeesTheAnswer()
    {
        _store.Close();
        await _ledger.RecordAsync("a", "clearbit", Entry(), CancellationToken.None);
        var flush = _ledger.FlushAsync(CancellationToken.None);
        await _store.Entered;

        (await _ledger.FindAsync("a", CancellationToken.None)).ShouldNotBeNull();
        flush.IsCompleted.ShouldBeFalse();

        _store.Open();
        await flush;
        (await _store.FindAsync("a", CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Flush_WhenTheStoreFails_LogsAndRetriesWithoutLosingTheAnswer()
    {
        _store.FailNext = 1;
        await _ledger.RecordAsync("a", "clearbit", Entry(), CancellationToken.None);

        var flush = _ledger.FlushAsync(CancellationToken.None);
        await _store.Entered;
        while (_logger.Warnings == 0)
        {
            await Task.Yield();
        }

        (await _ledger.FindAsync("a", CancellationToken.None)).ShouldNotBeNull();
        _time.Advance(TimeSpan.FromMilliseconds(100));
        await flush;

        (await _store.FindAsync("a", CancellationToken.None)).ShouldNotBeNull();
        _logger.Warnings.ShouldBe(1);
    }

    /// <summary>A store whose writes can be held back or made to fail.</summary>
    private sealed class GatedLedger : ILookupLedger
    {
        private readonly InMemoryLookupLedger _inner = new();
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource _gate = Opened();

        public int FailNext { get; set; }

        public Task Entered => _entered.Task;

        public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _gate.TrySetResult();

        public ValueTask<CacheEntry?> FindAsync(string key, CancellationToken cancellationToken) => _inner.FindAsync(key, cancellationToken);

        public ValueTask RecordAsync(string key, string provider, CacheEntry entry, CancellationToken cancellationToken) =>
            _inner.RecordAsync(key, provider, entry, cancellationToken);

        public async ValueTask RecordManyAsync(IReadOnlyCollection<LedgerRecord> records, CancellationToken cancellationToken)
        {
            _entered.TrySetResult();
            await _gate.Task;
            if (FailNext > 0)
            {
                FailNext--;
                throw new IOException("disk full");
            }

            foreach (var record in records)
            {
                await _inner.RecordAsync(record.Key, record.Provider, record.Entry, cancellationToken);
            }
        }

        private static TaskCompletionSource Opened()
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            gate.SetResult();
            return gate;
        }
    }

    private sealed class ListLogger : ILogger<WriteBehindLookupLedger>
    {
        private int _warnings;

        public int Warnings => Volatile.Read(ref _warnings);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Interlocked.Increment(ref _warnings);
            }
        }
    }
}
