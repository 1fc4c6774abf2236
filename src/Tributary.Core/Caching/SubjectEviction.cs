using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Tributary.Identifiers;
using Tributary.Privacy;

namespace Tributary.Caching;

/// <summary>
/// Removes the answers that name one subject from the cache levels, for erasure. This process's memory is searched by
/// content (every person answer it holds is read, a bounded number), so answers cached under lookups by another
/// identifier go too; the shared cache is reached through its index of answers by subject
/// (<see cref="ISharedCacheIndex"/>). Other processes' memory cannot be reached from here: they stop serving such
/// answers when they next read the suppression list, since <see cref="LookupCache"/> screens every read.
/// </summary>
internal sealed class SubjectEviction(HybridCache cache, IMemoryCache memory, SuppressedAnswers answers, ISharedCacheIndex? shared = null)
{
    private static readonly HybridCacheEntryOptions LocalOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCache
            | HybridCacheEntryFlags.DisableUnderlyingData,
    };

    /// <summary>
    /// Removes every answer whose email or phone is <paramref name="subject"/>'s, and the entries of
    /// <paramref name="keys"/> (lookups by the identifier alone, whose no-match answers name nobody).
    /// </summary>
    public async Task<CacheEviction> EvictAsync(IdentifierSet subject, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (memory.TryGetValue(key, out _))
            {
                found.Add(key);
            }
        }

        // The layer AddTributary registers can list its keys; a host's own IMemoryCache is left to the screen on read.
        if (memory is BoundedMemoryCache bounded)
        {
            foreach (var key in bounded.Keys.OfType<string>())
            {
                if (!found.Contains(key) && key.Contains(":person:", StringComparison.Ordinal)
                    && await cache.GetOrCreateAsync<CacheEntry?>(key, static _ => ValueTask.FromResult<CacheEntry?>(null), LocalOnly, cancellationToken: cancellationToken) is { } entry
                    && SuppressedAnswers.Names(entry.Profile, subject))
                {
                    found.Add(key);
                }
            }
        }

        int? removedShared = 0;
        if (shared is not null)
        {
            removedShared = await shared.RemoveAsync(answers.SubjectsOf(subject), [.. keys.Union(found)], cancellationToken);
        }

        foreach (var key in keys.Union(found))
        {
            await cache.RemoveAsync(key, cancellationToken);
        }

        return new CacheEviction(found.Count, removedShared);
    }
}
