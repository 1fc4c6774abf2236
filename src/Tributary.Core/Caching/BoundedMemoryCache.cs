using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Tributary.Caching;

/// <summary>
/// The in-process layer under HybridCache, bounded by a number of entries. MemoryCache can only bound the sum of its
/// entries' sizes, and HybridCache gives every entry its serialized length in bytes as size; so this cache counts
/// every entry as 1 and lets MemoryCache enforce <c>SizeLimit</c> = <see cref="CacheOptions.MaxEntries"/>: a new entry
/// beyond it is not kept, and the least recently used 5 % are compacted away.
/// </summary>
internal sealed class BoundedMemoryCache(int maxEntries) : IMemoryCache
{
    private readonly MemoryCache _inner = new(new MemoryCacheOptions { SizeLimit = maxEntries, CompactionPercentage = 0.05 });

    /// <summary>Entries held now.</summary>
    public int Count => _inner.Count;

    /// <summary>The keys of the entries held now, for erasure to search what this process holds.</summary>
    public IEnumerable<object> Keys => _inner.Keys;

    public ICacheEntry CreateEntry(object key) => new OneUnitEntry(_inner.CreateEntry(key));

    public void Remove(object key) => _inner.Remove(key);

    public bool TryGetValue(object key, out object? value) => _inner.TryGetValue(key, out value);

    public MemoryCacheStatistics? GetCurrentStatistics() => _inner.GetCurrentStatistics();

    public void Dispose() => _inner.Dispose();

    /// <summary>An entry whose size is always one, whatever its writer sets.</summary>
    private sealed class OneUnitEntry : ICacheEntry
    {
        private readonly ICacheEntry _entry;

        public OneUnitEntry(ICacheEntry entry)
        {
            _entry = entry;
            _entry.Size = 1;
        }

        public object Key => _entry.Key;

        public object? Value
        {
            get => _entry.Value;
            set => _entry.Value = value;
        }

        public DateTimeOffset? AbsoluteExpiration
        {
            get => _entry.AbsoluteExpiration;
            set => _entry.AbsoluteExpiration = value;
        }

        public TimeSpan? AbsoluteExpirationRelativeToNow
        {
            get => _entry.AbsoluteExpirationRelativeToNow;
            set => _entry.AbsoluteExpirationRelativeToNow = value;
        }

        public TimeSpan? SlidingExpiration
        {
            get => _entry.SlidingExpiration;
            set => _entry.SlidingExpiration = value;
        }

        public IList<IChangeToken> ExpirationTokens => _entry.ExpirationTokens;

        public IList<PostEvictionCallbackRegistration> PostEvictionCallbacks => _entry.PostEvictionCallbacks;

        public CacheItemPriority Priority
        {
            get => _entry.Priority;
            set => _entry.Priority = value;
        }

        public long? Size
        {
            get => 1;
            set
            {
                // Counted as one entry whatever its byte length.
            }
        }

        // Disposing commits the entry to the cache.
        public void Dispose() => _entry.Dispose();
    }
}
