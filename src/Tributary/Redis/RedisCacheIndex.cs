using System.Collections.Concurrent;
using StackExchange.Redis;
using Tributary.Caching;

namespace Tributary.Host.Redis;

/// <summary>
/// The shared cache's answers by the subjects they name: one Redis set per subject hash (<c>{prefix}subject:{hash}</c>)
/// holding the lookup keys of the answers naming it, kept as long as the longest-lived of them. An erasure from any
/// process reads the sets and deletes their entries. Each command touches one key, so a Redis cluster can serve it.
/// </summary>
internal sealed class RedisCacheIndex : ISharedCacheIndex
{
    /// <summary>Erasures kept for Redis's return, at most: each is a few keyed hashes, and a longer outage is the operator's to see.</summary>
    private const int MaxPending = 10_000;

    private readonly RedisConnection _connection;
    private readonly ILogger<RedisCacheIndex> _logger;

    // Erasures that could not reach Redis, removed by this process once it is back (another process may have done so).
    private readonly ConcurrentQueue<(IReadOnlyList<string> Subjects, IReadOnlyCollection<string> Keys)> _pending = new();
    private int _retrying;

    public RedisCacheIndex(RedisConnection connection, ILogger<RedisCacheIndex> logger)
    {
        _connection = connection;
        _logger = logger;
        connection.Restored += () => _ = RetryPendingAsync();
    }

    // Adds the key; the set lives as long as its longest-lived entry.
    private static readonly LuaScript Add = LuaScript.Prepare("""
        redis.call('SADD', @index, @key)
        if redis.call('TTL', @index) < tonumber(@ttl) then redis.call('EXPIRE', @index, @ttl) end
        return 1
        """);

    public async ValueTask AddAsync(string key, IReadOnlyList<string> subjects, TimeSpan ttl, CancellationToken cancellationToken)
    {
        if (_connection.Database is not { } database)
        {
            return;
        }

        try
        {
            var seconds = (long)Math.Ceiling(ttl.TotalSeconds);
            await Task.WhenAll(subjects.Select(subject => database.ScriptEvaluateAsync(Add, new { index = (RedisKey)IndexKey(subject), key, ttl = seconds })));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The answer is still screened on every read once its subject is suppressed; only erasure cannot find it here.
            _connection.Failed("cache index", ex);
        }
    }

    public async Task<int?> RemoveAsync(IReadOnlyList<string> subjects, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        // `tributary forget` may erase as soon as its host is up: wait for the first connection attempt (bounded by
        // the connect timeout) rather than report Redis as unreachable because it was not connected yet.
        try
        {
            await _connection.GetAsync().WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Not connected: TryRemoveAsync says so.
        }

        var removed = await TryRemoveAsync(subjects, keys);
        if (removed is null && _pending.Count < MaxPending)
        {
            _pending.Enqueue((subjects, keys));
        }

        return removed;
    }

    /// <summary>The entries removed, or null when Redis could not be reached (logged).</summary>
    private async Task<int?> TryRemoveAsync(IReadOnlyList<string> subjects, IReadOnlyCollection<string> keys)
    {
        try
        {
            if (_connection.Database is not { } database)
            {
                RedisLog.ErasureNotShared(_logger, "Redis is not connected", null);
                return null;
            }

            var entries = new HashSet<string>(keys, StringComparer.Ordinal);
            foreach (var subject in subjects)
            {
                foreach (var member in await database.SetMembersAsync(IndexKey(subject)))
                {
                    entries.Add(member.ToString());
                }
            }

            var removed = await Task.WhenAll(entries.Select(entry => database.KeyDeleteAsync(_connection.CachePrefix + entry)));
            await Task.WhenAll(subjects.Select(subject => database.KeyDeleteAsync(IndexKey(subject))));
            return removed.Count(static gone => gone);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            RedisLog.ErasureNotShared(_logger, ex.GetType().Name, ex);
            return null;
        }
    }

    /// <summary>
    /// Applies the erasures kept while Redis was away, one pass at a time; should Redis go again meanwhile, the pass
    /// stops and the rest wait for its next return.
    /// </summary>
    private async Task RetryPendingAsync()
    {
        if (Interlocked.Exchange(ref _retrying, 1) == 1)
        {
            return;
        }

        try
        {
            await Task.Yield();
            var (done, entries) = (0, 0);
            while (_pending.TryDequeue(out var erasure))
            {
                if (await TryRemoveAsync(erasure.Subjects, erasure.Keys) is not { } removed)
                {
                    _pending.Enqueue(erasure);
                    break;
                }

                (done, entries) = (done + 1, entries + removed);
            }

            if (done > 0)
            {
                RedisLog.ErasuresShared(_logger, done, entries);
            }
        }
        finally
        {
            Volatile.Write(ref _retrying, 0);
        }
    }

    private string IndexKey(string subject) => _connection.Prefix + "subject:" + subject;
}
