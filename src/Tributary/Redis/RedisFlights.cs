using StackExchange.Redis;
using Tributary.Caching;

namespace Tributary.Host.Redis;

/// <summary>
/// Single flight across processes: a short Redis lease per new lookup key. The process that takes it calls the
/// provider and releases it once the answer is in the shared cache; the others look in that cache, more slowly as they
/// wait, and take the lease themselves if it is released without an answer (the call failed) or when
/// <see cref="LongestWait"/> has passed. Whoever takes a lease looks in the cache once more first: a free lease may
/// just have been released with its answer. Keys are the lookup keys: hashed identifiers, never a raw email or phone.
/// </summary>
internal sealed class RedisFlights(RedisConnection connection, TimeProvider time) : ISharedFlights
{
    /// <summary>A lease outlives the longest real-time call by far; a batch call past it may be repeated by one other process.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan LongestWait = Lease;
    private static readonly TimeSpan FirstLook = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan SlowestLook = TimeSpan.FromMilliseconds(100);

    // Only the holder releases: a lease that expired and was taken by another process is not removed.
    private static readonly LuaScript Release = LuaScript.Prepare("""
        if redis.call('GET', @lease) == @holder then return redis.call('DEL', @lease) end
        return 0
        """);

    private static readonly SharedFlight Alone = new(null);
    private long _flights;

    public async ValueTask<SharedFlight> JoinAsync(string key, Func<CancellationToken, ValueTask<CacheEntry?>> lookAgain, CancellationToken cancellationToken)
    {
        RedisKey lease = connection.Prefix + "flight:" + key;
        var holder = connection.NodeId + ":" + Interlocked.Increment(ref _flights);
        var started = time.GetTimestamp();
        var look = FirstLook;
        while (connection.Database is { } database)
        {
            try
            {
                if (await database.StringSetAsync(lease, holder, Lease, When.NotExists))
                {
                    // The lease may be free because its holder just landed: between this process's miss in the cache
                    // and taking the lease, another one can have stored its answer and released it.
                    if (await lookAgain(cancellationToken) is { } landed)
                    {
                        await ReleaseAsync(database, lease, holder);
                        return new SharedFlight(landed);
                    }

                    return new SharedFlight(null, () => ReleaseAsync(database, lease, holder));
                }
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                connection.Failed("flight lease", ex);
                return Alone;
            }

            await Task.Delay(look, time, cancellationToken);
            if (await lookAgain(cancellationToken) is { } answer)
            {
                return new SharedFlight(answer);
            }

            if (time.GetElapsedTime(started) >= LongestWait)
            {
                return Alone;
            }

            look = look * 2 < SlowestLook ? look * 2 : SlowestLook;
        }

        return Alone;
    }

    private async ValueTask ReleaseAsync(IDatabase database, RedisKey lease, string holder)
    {
        try
        {
            await database.ScriptEvaluateAsync(Release, new { lease, holder });
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The lease expires by itself.
            connection.Failed("flight release", ex);
        }
    }
}
