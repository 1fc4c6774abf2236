using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using Tributary.Enrichment;

namespace Tributary.Caching;

/// <summary>
/// Cache-aside in front of every provider call, keyed by provider + lookup kind + hashed identifiers.
/// HybridCache gives the in-process (and optional shared) layer and makes concurrent identical lookups share one
/// provider call; the ledger behind it keeps paid answers across restarts and keeps expired ones for stale serving.
/// </summary>
public sealed class LookupCache(
    HybridCache cache,
    ILookupLedger ledger,
    IOptions<CacheOptions> options,
    TimeProvider time)
{
    // The factory's own result is never written by HybridCache: only definitive answers are stored, with a TTL that
    // depends on the answer (confidence, no match), which GetOrCreateAsync cannot know before the call.
    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    // Reads the cache layers only: the factory is never run and nothing is written.
    private static readonly HybridCacheEntryOptions CacheOnly = new()
    {
        Flags = ReadOnly.Flags | HybridCacheEntryFlags.DisableUnderlyingData,
    };

    private readonly CacheOptions _options = options.Value;

    /// <summary>
    /// Returns the cached answer, or makes the provider call through <paramref name="fetch"/>. The call is not
    /// bound to any one caller: it finishes (and is cached) even when the caller that started it stops waiting.
    /// </summary>
    public async Task<CacheEntry> GetOrFetchAsync(
        string key, string provider, Func<CancellationToken, Task<ProviderResult>> fetch, bool refresh = false)
    {
        if (!refresh)
        {
            var entry = await cache.GetOrCreateAsync(
                key,
                (Cache: this, Key: key, Provider: provider, Fetch: fetch),
                static (state, token) => new ValueTask<CacheEntry>(state.Cache.LoadAsync(state.Key, state.Provider, state.Fetch, token)),
                ReadOnly,
                cancellationToken: CancellationToken.None);

            // The in-process layer has its own clock; the TTL that matters is ours.
            if (!entry.IsExpiredAt(time.GetUtcNow()) || entry.Origin == EntryOrigin.Provider || entry.Stale)
            {
                return entry;
            }

            await cache.RemoveAsync(key, CancellationToken.None);
        }

        return await LoadAsync(key, provider, fetch, CancellationToken.None, skipLedger: refresh);
    }

    /// <summary>
    /// The unexpired answer the cache or the ledger holds, without calling the provider; null on a miss. Bulk lookups
    /// use it to find which subjects still need a call before grouping those into one.
    /// </summary>
    public async Task<CacheEntry?> TryGetAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cached = await cache.GetOrCreateAsync<CacheEntry?>(
            key, static _ => ValueTask.FromResult<CacheEntry?>(null), CacheOnly, cancellationToken: cancellationToken);
        if (cached is not null && !cached.IsExpiredAt(now))
        {
            return cached;
        }

        var stored = await ledger.FindAsync(key, cancellationToken);
        if (stored is null || stored.IsExpiredAt(now))
        {
            return null;
        }

        await StoreInCacheAsync(key, stored, now);
        return stored with { Origin = EntryOrigin.Ledger };
    }

    /// <summary>
    /// Keeps an answer obtained outside <see cref="GetOrFetchAsync"/> (a bulk call) exactly as a fetched one is kept,
    /// and returns the entry its callers get: definitive answers are stored with their TTL, failures carry the
    /// expired entry as stale when the ledger has one.
    /// </summary>
    public Task<CacheEntry> StoreAsync(string key, string provider, ProviderResult result, CancellationToken cancellationToken) =>
        StoreAnswerAsync(key, provider, result, null, cancellationToken);

    /// <summary>The expired-or-not entry in the ledger, to serve stale when the provider cannot answer in time.</summary>
    public ValueTask<CacheEntry?> FindStoredAsync(string key, CancellationToken cancellationToken) =>
        ledger.FindAsync(key, cancellationToken);

    private async Task<CacheEntry> LoadAsync(
        string key, string provider, Func<CancellationToken, Task<ProviderResult>> fetch, CancellationToken cancellationToken, bool skipLedger = false)
    {
        // Off the caller's thread before any store or provider work, so a real-time caller starts counting its
        // deadline at once even when that work is slow to begin (a cold store, a busy machine).
        await Task.Yield();
        var stored = skipLedger ? null : await ledger.FindAsync(key, cancellationToken);
        var now = time.GetUtcNow();
        if (stored is not null && !stored.IsExpiredAt(now))
        {
            var fromLedger = stored with { Origin = EntryOrigin.Ledger };
            await StoreInCacheAsync(key, stored, now);
            return fromLedger;
        }

        var result = await fetch(cancellationToken);
        return await StoreAnswerAsync(key, provider, result, skipLedger ? null : stored, cancellationToken);
    }

    // stored: the ledger's entry when already read; null reads it only if a failure needs it as stale.
    private async Task<CacheEntry> StoreAnswerAsync(string key, string provider, ProviderResult result, CacheEntry? stored, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!result.Status.IsDefinitive())
        {
            stored ??= await ledger.FindAsync(key, cancellationToken);
            return stored is null
                ? new CacheEntry(result.Status, result.Profile, 0, now, now) { Origin = EntryOrigin.Provider, Detail = result.Detail }
                : stored with { Status = result.Status, Origin = EntryOrigin.Provider, Stale = true, Detail = result.Detail };
        }

        var matched = result.Status == ProviderStatus.Matched;
        var entry = new CacheEntry(result.Status, result.Profile, result.Confidence, now, now + _options.TtlFor(matched, result.Confidence));
        await ledger.RecordAsync(key, provider, entry, CancellationToken.None);
        await StoreInCacheAsync(key, entry, now);
        return entry with { Origin = EntryOrigin.Provider };
    }

    private ValueTask StoreInCacheAsync(string key, CacheEntry entry, DateTimeOffset now)
    {
        var ttl = entry.ExpiresAt - now;
        return cache.SetAsync(
            key,
            entry with { Origin = EntryOrigin.Cache },
            new HybridCacheEntryOptions { Expiration = ttl, LocalCacheExpiration = ttl < _options.LocalTtl ? ttl : _options.LocalTtl },
            cancellationToken: CancellationToken.None);
    }
}
