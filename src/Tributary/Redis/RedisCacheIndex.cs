using StackExchange.Redis;
using Tributary.Caching;

namespace Tributary.Host.Redis;

/// <summary>
/// The shared cache's answers by the subjects they name: one Redis set per subject hash (<c>{prefix}subject:{hash}</c>)
/// holding the lookup keys of the answers naming it, kept as long as the longest-lived of them. An erasure from any
/// process reads the sets and deletes their entries. Each command touches one key, so a Redis cluster can serve it.
/// </summary>
internal sealed class RedisCacheIndex(RedisConnection connection, ILogger<RedisCacheIndex> logger) : ISharedCacheIndex
{
    // Adds the key; the set lives as long as its longest-lived entry.
    private static readonly LuaScript Add = LuaScript.Prepare("""
        redis.call('SADD', @index, @key)
        if redis.call('TTL', @index) < tonumber(@ttl) then redis.call('EXPIRE', @index, @ttl) end
        return 1
        """);

    public async ValueTask AddAsync(string key, IReadOnlyList<string> subjects, TimeSpan ttl, CancellationToken cancellationToken)
    {
        if (connection.Database is not { } database)
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
            RedisLog.OperationFailed(logger, "cache index", ex);
        }
    }

    public async Task<int?> RemoveAsync(IReadOnlyList<string> subjects, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        try
        {
            // `tributary forget` may erase as soon as its host is up: wait for the first connection attempt (bounded by
            // the connect timeout) rather than report Redis as unreachable because it was not connected yet.
            await connection.GetAsync().WaitAsync(cancellationToken);
            if (connection.Database is not { } database)
            {
                RedisLog.ErasureNotShared(logger, "Redis is not connected", null);
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

            var removed = await Task.WhenAll(entries.Select(entry => database.KeyDeleteAsync(connection.CachePrefix + entry)));
            await Task.WhenAll(subjects.Select(subject => database.KeyDeleteAsync(IndexKey(subject))));
            return removed.Count(static gone => gone);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            RedisLog.ErasureNotShared(logger, ex.GetType().Name, ex);
            return null;
        }
    }

    private string IndexKey(string subject) => connection.Prefix + "subject:" + subject;
}
