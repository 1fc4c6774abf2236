using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace Tributary.Host.Redis;

/// <summary>
/// HybridCache's second level: Redis, while it is reachable. Lost, it reads as a miss and takes no writes, at once
/// rather than after a timeout, so a caller never waits for or fails because of it; each process then caches alone
/// and the ledger behind still answers what was paid for.
/// </summary>
internal sealed class SharedCacheWhileConnected(IDistributedCache redis, RedisConnection connection, ILogger<SharedCacheWhileConnected> logger)
    : IDistributedCache
{
    public byte[]? Get(string key) => connection.IsConnected ? Guard(() => redis.Get(key), "read") : null;

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        connection.IsConnected ? await GuardAsync(() => redis.GetAsync(key, token), "read") : null;

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        if (connection.IsConnected)
        {
            Guard(() => { redis.Set(key, value, options); return true; }, "write");
        }
    }

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        if (connection.IsConnected)
        {
            await GuardAsync(async () => { await redis.SetAsync(key, value, options, token); return true; }, "write");
        }
    }

    public void Refresh(string key)
    {
        if (connection.IsConnected)
        {
            Guard(() => { redis.Refresh(key); return true; }, "refresh");
        }
    }

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        if (connection.IsConnected)
        {
            await GuardAsync(async () => { await redis.RefreshAsync(key, token); return true; }, "refresh");
        }
    }

    public void Remove(string key)
    {
        if (connection.IsConnected)
        {
            Guard(() => { redis.Remove(key); return true; }, "remove");
        }
    }

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        if (connection.IsConnected)
        {
            await GuardAsync(async () => { await redis.RemoveAsync(key, token); return true; }, "remove");
        }
    }

    private T? Guard<T>(Func<T> operation, string name)
    {
        try
        {
            return operation();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            RedisLog.OperationFailed(logger, "cache " + name, ex);
            return default;
        }
    }

    private async Task<T?> GuardAsync<T>(Func<Task<T>> operation, string name)
    {
        try
        {
            return await operation();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            RedisLog.OperationFailed(logger, "cache " + name, ex);
            return default;
        }
    }
}
