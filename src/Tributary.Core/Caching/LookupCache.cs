using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using Tributary.Enrichment;
using Tributary.Privacy;
using Tributary.Profiles;

namespace Tributary.Caching;

/// <summary>
/// Cache-aside in front of every provider call, keyed by provider + lookup kind + hashed identifiers.
/// HybridCache is the in-process (and optional shared) layer; the ledger behind it keeps paid answers across restarts
/// and keeps expired ones for stale serving. A miss becomes a <see cref="LookupFlight"/> that every concurrent caller
/// of the same key joins, real-time or batch, one by one or in a bulk chunk: one paid call per new lookup. With a shared
/// cache, <see cref="ISharedFlights"/> makes that one call across processes too. An answer naming a suppressed subject
/// reads as a no match wherever it is found (memory, shared cache, ledger, a provider's new answer) and is replaced by
/// it there (<see cref="AnswerScreen"/>): no process that has read the suppression list serves an erased subject, and a
/// lookup already answered asks no provider about them again.
/// </summary>
public sealed class LookupCache(
    HybridCache cache,
    ILookupLedger ledger,
    IOptions<CacheOptions> options,
    TimeProvider time,
    ISharedFlights? sharedFlights = null,
    SuppressedAnswers? suppressed = null,
    ISharedCacheIndex? sharedIndex = null)
{
    // Reads one cache layer: no factory runs and nothing is written. Answers are written with a TTL that depends on
    // the answer (confidence, no match), which GetOrCreateAsync cannot know before the call.
    private static readonly HybridCacheEntryOptions LocalOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCache
            | HybridCacheEntryFlags.DisableUnderlyingData,
    };

    private static readonly HybridCacheEntryOptions SharedOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCache | HybridCacheEntryFlags.DisableDistributedCacheWrite
            | HybridCacheEntryFlags.DisableUnderlyingData,
    };

    private readonly CacheOptions _options = options.Value;

    // `enrich` keeps no in-process copy and, without Redis, there is no shared one: every read of the cache would miss
    // and every write be dropped, so the ledger is asked directly.
    private readonly bool _noCacheLayer = options.Value.LocalTtl <= TimeSpan.Zero && string.IsNullOrEmpty(options.Value.Redis);
    private readonly LookupFlights _flights = new();
    private readonly ISharedFlights _sharedFlights = sharedFlights ?? new LocalFlightsOnly();
    private readonly AnswerScreen _screen = new(suppressed, sharedIndex);

    /// <summary>Lookups whose provider call is under way.</summary>
    public int InFlight => _flights.Count;

    /// <summary>
    /// Returns the cached answer, or joins or makes the provider call through <paramref name="fetch"/>. The call is not
    /// bound to any one caller: it finishes (and is kept) even when the caller that started it stops waiting.
    /// </summary>
    public async Task<CacheEntry> GetOrFetchAsync(
        string key, string provider, Func<CancellationToken, Task<ProviderResult>> fetch, bool batch = false)
    {
        if (await ReadCacheAsync(key) is { } cached)
        {
            return cached;
        }

        while (true)
        {
            var flight = _flights.Claim(key, batch, out var claimed);
            if (claimed)
            {
                return await FlyAsync(flight, provider, fetch);
            }

            var entry = await flight.Answer;
            if (!batch || flight.IsBatch || entry.Status.IsDefinitive())
            {
                return entry;
            }

            // A batch record joined a real-time call that gave up (its deadline, a rate limit): batch work waits for
            // an answer instead, so it asks again under its own lane.
        }
    }

    /// <summary>
    /// For bulk calls: the flight of <paramref name="key"/>, claimed by this caller (who must <see cref="Land"/> it) or
    /// already up elsewhere (await its <see cref="LookupFlight.Answer"/>).
    /// </summary>
    public LookupFlight Claim(string key, bool batch, out bool claimed) => _flights.Claim(key, batch, out claimed);

    /// <summary>
    /// For bulk calls with a shared cache: joins the cross-process flight of each key at once. Keys another process was
    /// already calling come back with its answer (this waits for them); the others are this process's to call, and the
    /// group releases them when disposed, which must come after their answers are stored.
    /// </summary>
    public async Task<SharedFlightGroup> JoinSharedAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        if (_sharedFlights is LocalFlightsOnly || keys.Count == 0)
        {
            return SharedFlightGroup.Alone;
        }

        var flights = await Task.WhenAll(keys.Select(key => _sharedFlights.JoinAsync(key, token => ReadCacheAsync(key, token), cancellationToken).AsTask()));
        var theirs = new Dictionary<string, CacheEntry>(StringComparer.Ordinal);
        var mine = new List<SharedFlight>(flights.Length);
        for (var i = 0; i < flights.Length; i++)
        {
            if (flights[i].Answer is { } answer)
            {
                theirs[keys[i]] = answer;
            }
            else
            {
                mine.Add(flights[i]);
            }
        }

        return new SharedFlightGroup(theirs, mine);
    }

    /// <summary>Answers everyone who joined a claimed flight.</summary>
    public void Land(LookupFlight flight, CacheEntry entry) => _flights.Land(flight, entry);

    /// <summary>
    /// The unexpired answer the cache or the ledger holds, without calling the provider; null on a miss. Bulk lookups
    /// use it to find which subjects still need a call before grouping those into one. <paramref name="provider"/> names
    /// the ledger row's provider should it have to be replaced (an answer naming a suppressed subject).
    /// </summary>
    public async Task<CacheEntry?> TryGetAsync(string key, string provider, CancellationToken cancellationToken)
    {
        if (await ReadCacheAsync(key, cancellationToken) is { } cached)
        {
            return cached;
        }

        var now = time.GetUtcNow();
        var stored = await ledger.FindAsync(key, cancellationToken);
        if (stored is null || stored.IsExpiredAt(now))
        {
            return null;
        }

        stored = await ScreenStoredAsync(key, provider, stored);
        await StoreInCacheAsync(key, stored, now);
        return stored with { Origin = EntryOrigin.Ledger };
    }

    /// <summary>
    /// Keeps an answer obtained outside <see cref="GetOrFetchAsync"/> (a bulk call) as a fetched answer is kept, and
    /// returns the entry its callers get: definitive answers are stored with their TTL, failures carry the expired
    /// entry as stale when the ledger has one. The caller makes a bulk call's answers durable with <see cref="FlushAsync"/>.
    /// </summary>
    public Task<CacheEntry> StoreAsync(string key, string provider, ProviderResult result, CancellationToken cancellationToken) =>
        StoreAnswerAsync(key, provider, result, null, cancellationToken);

    /// <summary>Returns once every answer kept so far is durable in the ledger: batch work calls it before handing rows on.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => ledger.FlushAsync(cancellationToken);

    /// <summary>The expired-or-not entry in the ledger, to serve stale when the provider cannot answer in time.</summary>
    public async ValueTask<CacheEntry?> FindStoredAsync(string key, CancellationToken cancellationToken) =>
        await ledger.FindAsync(key, cancellationToken) is { } stored && !await _screen.WithholdsAsync(stored.Profile, cancellationToken) ? stored : null;

    private async ValueTask<CacheEntry?> ReadCacheAsync(string key, CancellationToken cancellationToken = default)
    {
        if (_noCacheLayer)
        {
            return null;
        }

        var cached = await ReadLayerAsync(key, LocalOnly, cancellationToken);
        if (cached is null && await ReadLayerAsync(key, SharedOnly, cancellationToken) is { } shared && !shared.IsExpiredAt(time.GetUtcNow()))
        {
            if (await _screen.WithholdsAsync(shared.Profile, cancellationToken))
            {
                return await WithholdAsync(key, shared);
            }

            // Another process paid for it: keep it in this process's layer too, so the next ask does not go to Redis.
            await StoreInCacheAsync(key, shared, time.GetUtcNow(), HybridCacheEntryFlags.DisableDistributedCacheWrite);
            return shared;
        }

        if (cached is null)
        {
            return null;
        }

        // The in-process layer has its own clock; the TTL that matters is ours.
        if (!cached.IsExpiredAt(time.GetUtcNow()))
        {
            return await _screen.WithholdsAsync(cached.Profile, cancellationToken) ? await WithholdAsync(key, cached) : cached;
        }

        await cache.RemoveAsync(key, CancellationToken.None);
        return null;
    }

    private async Task<CacheEntry> FlyAsync(LookupFlight flight, string provider, Func<CancellationToken, Task<ProviderResult>> fetch)
    {
        // Off the caller's thread before any store or provider work, so a real-time caller starts counting its
        // deadline at once even when that work is slow to begin (a cold store, a busy machine).
        await Task.Yield();
        CacheEntry entry;
        try
        {
            entry = await LoadAsync(flight.Key, provider, fetch);
        }
        catch (Exception)
        {
            // Joiners must never hang on a flight: a crash lands as a failure, and the one who flew it sees the exception.
            _flights.Land(flight, CacheEntry.Failure(ProviderStatus.ServerError, time.GetUtcNow(), "connector error"));
            throw;
        }

        _flights.Land(flight, entry);
        if (flight.IsBatch && entry.Origin == EntryOrigin.Provider)
        {
            // Batch work holds its call's slot until the answer is durable, so the next call cannot go out first: a
            // crash then costs at most the calls of the slots, never answers already received. Slots waiting together
            // share one commit.
            await ledger.FlushAsync(CancellationToken.None);
        }

        return entry;
    }

    private async Task<CacheEntry> LoadAsync(string key, string provider, Func<CancellationToken, Task<ProviderResult>> fetch)
    {
        var stored = await ledger.FindAsync(key, CancellationToken.None) is { } found ? await ScreenStoredAsync(key, provider, found) : null;
        var now = time.GetUtcNow();
        if (stored is not null && !stored.IsExpiredAt(now))
        {
            await StoreInCacheAsync(key, stored, now);
            return stored with { Origin = EntryOrigin.Ledger };
        }

        // Another process may be calling for the same subject: its answer, once in the shared cache, is ours too.
        await using var shared = await _sharedFlights.JoinAsync(key, token => ReadCacheAsync(key, token), CancellationToken.None);
        if (shared.Answer is { } theirs)
        {
            return theirs;
        }

        var result = await fetch(CancellationToken.None);
        return await StoreAnswerAsync(key, provider, result, stored, CancellationToken.None);
    }

    // stored: the ledger's entry when already read; null reads it only if a failure needs it as stale.
    private async Task<CacheEntry> StoreAnswerAsync(
        string key, string provider, ProviderResult result, CacheEntry? stored, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!result.Status.IsDefinitive())
        {
            stored ??= await FindStoredAsync(key, cancellationToken);
            var partial = await _screen.WithholdsAsync(result.Profile, cancellationToken) ? Profile.Empty : result.Profile;
            return stored is null
                ? CacheEntry.Failure(result.Status, now, result.Detail) with { Profile = partial }
                : stored with { Status = result.Status, Origin = EntryOrigin.Provider, Stale = true, Detail = result.Detail };
        }

        var matched = result.Status == ProviderStatus.Matched;
        var entry = new CacheEntry(result.Status, result.Profile, result.Confidence, now, now + _options.TtlFor(matched, result.Confidence));
        if (await _screen.WithholdsAsync(entry.Profile, cancellationToken))
        {
            entry = AnswerScreen.NoMatchFor(entry);
        }

        await ledger.RecordAsync(key, provider, entry, CancellationToken.None);
        await StoreInCacheAsync(key, entry, now);
        return entry with { Origin = EntryOrigin.Provider };
    }

    private ValueTask<CacheEntry?> ReadLayerAsync(string key, HybridCacheEntryOptions layer, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync<CacheEntry?>(key, static _ => ValueTask.FromResult<CacheEntry?>(null), layer, cancellationToken: cancellationToken);

    private async ValueTask StoreInCacheAsync(string key, CacheEntry entry, DateTimeOffset now, HybridCacheEntryFlags flags = HybridCacheEntryFlags.None)
    {
        if (_noCacheLayer)
        {
            return;
        }

        var ttl = entry.ExpiresAt - now;
        var localTtl = ttl < _options.LocalTtl ? ttl : _options.LocalTtl;
        if (localTtl <= TimeSpan.Zero)
        {
            // No in-process copy (`enrich` runs with Cache:LocalTtl = 0). Asked for one anyway, MemoryCache throws on a
            // lifetime that is not positive and HybridCache swallows it: an exception per answer stored.
            flags |= HybridCacheEntryFlags.DisableLocalCacheWrite;
        }

        await cache.SetAsync(
            key,
            entry with { Origin = EntryOrigin.Cache },
            new HybridCacheEntryOptions { Expiration = ttl, LocalCacheExpiration = localTtl, Flags = flags },
            cancellationToken: CancellationToken.None);
        if ((flags & HybridCacheEntryFlags.DisableDistributedCacheWrite) == 0)
        {
            await _screen.IndexAsync(key, entry, ttl);
        }
    }

    /// <summary>Replaces a cached answer naming a suppressed subject by its no match, in memory and the shared cache.</summary>
    private async ValueTask<CacheEntry> WithholdAsync(string key, CacheEntry entry)
    {
        var withheld = AnswerScreen.NoMatchFor(entry);
        await StoreInCacheAsync(key, withheld, time.GetUtcNow());
        return withheld with { Origin = EntryOrigin.Cache };
    }

    /// <summary>The ledger's entry, or the no match that replaces it there when it names a suppressed subject.</summary>
    private async ValueTask<CacheEntry> ScreenStoredAsync(string key, string provider, CacheEntry stored)
    {
        if (!await _screen.WithholdsAsync(stored.Profile, CancellationToken.None))
        {
            return stored;
        }

        var withheld = AnswerScreen.NoMatchFor(stored);
        await ledger.RecordAsync(key, provider, withheld, CancellationToken.None);
        return withheld;
    }
}
