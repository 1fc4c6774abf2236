namespace Tributary.Caching;

/// <summary>
/// The persistent record of paid lookups: survives restarts, and keeps expired entries so a stale answer can be
/// served while a provider is down.
/// </summary>
public interface ILookupLedger
{
    /// <summary>The entry for <paramref name="key"/>, expired or not, or null.</summary>
    ValueTask<CacheEntry?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores or replaces the entry for <paramref name="key"/> (a queued store: durable after <see cref="FlushAsync"/>).</summary>
    ValueTask RecordAsync(string key, string provider, CacheEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Returns once every entry recorded before the call is durable. Stores that write at once have nothing to do;
    /// a queued store commits its queue.
    /// </summary>
    Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stores several entries; stores override this to write them in one transaction.</summary>
    async ValueTask RecordManyAsync(IReadOnlyCollection<LedgerRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            await RecordAsync(record.Key, record.Provider, record.Entry, cancellationToken);
        }
    }
}

/// <summary>One ledger row to write.</summary>
public sealed record LedgerRecord(string Key, string Provider, CacheEntry Entry);
