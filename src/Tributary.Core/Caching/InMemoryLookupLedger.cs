using System.Collections.Concurrent;

namespace Tributary.Caching;

/// <summary>A ledger that lives as long as the process: the default when no store is configured (benchmarks, tools).</summary>
public sealed class InMemoryLookupLedger : ILookupLedger
{
    private readonly ConcurrentDictionary<string, CacheEntry> _entries = new(StringComparer.Ordinal);

    public ValueTask<CacheEntry?> FindAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_entries.GetValueOrDefault(key));

    public ValueTask RecordAsync(string key, string provider, CacheEntry entry, CancellationToken cancellationToken)
    {
        _entries[key] = entry;
        return ValueTask.CompletedTask;
    }
}
