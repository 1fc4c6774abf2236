namespace Tributary.Caching;

/// <summary>
/// The persistent record of paid lookups: survives restarts, and keeps expired entries so a stale answer can be
/// served while a provider is down.
/// </summary>
public interface ILookupLedger
{
    /// <summary>The entry for <paramref name="key"/>, expired or not, or null.</summary>
    ValueTask<CacheEntry?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores or replaces the entry for <paramref name="key"/>.</summary>
    ValueTask RecordAsync(string key, string provider, CacheEntry entry, CancellationToken cancellationToken);
}
