using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace Tributary.Host.Redis;

/// <summary>
/// HybridCache's second level: Redis, while it is reachable. Lost, it reads as a miss and takes no writes, at once
/// rather than after a timeout, so a caller never waits for or fails because of it; each process then caches alone
/// and the ledger behind still answers what was paid for.
/// </summary>
internal sealed class SharedCacheWhileConnected(IDistributedCache redis, RedisConnection connection)
    : IDistributedCache
{
    public byte[]? Get(string key) => Guard(() => redis.Get(key), "read");

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => GuardAsync(() => redis.GetAsync(key, token), "read");

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Guard(() => Done(() => redis.Set(key, value, options)), "write");

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        GuardAsync(() => Done(redis.SetAsync(key, value, options, token)), "write");

    public void Refresh(string key) => Guard(() => Done(() => redis.Refresh(key)), "refresh");

    public Task RefreshAsync(string key, CancellationToken token = default) => GuardAsync(() => Done(redis.RefreshAsync(key, token)), "refresh");

    public void Remove(string key) => Guard(() => Done(() => redis.Remove(key)), "remove");

    public Task RemoveAsync(string key, CancellationToken token = default) => GuardAsync(() => Done(redis.RemoveAsync(key, token)), "remove");

    private static bool Done(Action operation)
    {
        operation();
        return true;
    }

    private static async Task<bool> Done(Task operation)
    {
        await operation;
        return true;
    }

    /// <summary>Runs <paramref name="operation"/> only while connected; a failure is logged and read as nothing.</summary>
    private T? Guard<T>(Func<T> operation, string name)
    {
        if (!connection.IsConnected)
        {
            return default;
        }

        try
        {
            return operation();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            connection.Failed("cache " + name, ex);
            return default;
        }
    }

    private async Task<T?> GuardAsync<T>(Func<Task<T>> operation, string name)
    {
        if (!connection.IsConnected)
        {
            return default;
        }

        try
        {
            return await operation();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            connection.Failed("cache " + name, ex);
            return default;
        }
    }
}
