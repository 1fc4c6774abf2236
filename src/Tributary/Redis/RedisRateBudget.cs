using System.Globalization;
using StackExchange.Redis;
using Tributary.Resilience;

namespace Tributary.Host.Redis;

/// <summary>
/// Each provider account's request budget in Redis, shared by every process: a sliding log of send instants (a sorted
/// set) that no 60 s window (nor 1 s, for providers with a per-second limit) may overfill, a pause every process
/// honours, and a lane for real-time calls.
/// </summary>
/// <remarks>
/// One Lua script rather than a rate-limiting library (RedisRateLimiting offers fixed and sliding windows, token bucket
/// and concurrency limiters): a request must pass the minute and the second, the shared pause and its lane's ceiling in
/// one atomic step, and be judged by one clock (the Redis server's, so the machines' clocks need not agree). The log is
/// the same rule the in-process gate keeps (<see cref="ProviderRateGate"/>), so one process and many behave alike.
/// </remarks>
internal sealed class RedisRateBudget(RedisConnection connection) : ISharedRateBudget
{
    // Returns 0 when the request was taken, else the milliseconds until it may be asked again.
    // The window is the provider's interval plus a margin (a minute is counted over 61 s): a request let go the instant
    // the oldest leaves the window can reach the provider before the provider's own window has closed (that oldest
    // request may have been slow to arrive, e.g. on a new connection), as one process's own gate learns from the
    // headers of its own answers but not of the others'.
    // Lanes: while any real-time call was made in the last window, batch calls stop at (1 - share) of the limit, so
    // the IVR finds headroom; alone, a backfill uses the whole limit. Batch calls are also spread over the window (at
    // most 1.5 x the average rate per second), so it never fills in one burst that real-time calls would wait out.
    private static readonly LuaScript Take = LuaScript.Prepare("""
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local paused = tonumber(redis.call('GET', @pause) or '0')
        if paused > now then return paused - now end
        local window = tonumber(@windowMs)
        redis.call('ZREMRANGEBYSCORE', @log, '-inf', now - window)
        local limit = tonumber(@limit)
        local ceiling = limit
        local perSecond = tonumber(@perSecond)
        if @realTime == '1' then
          redis.call('SET', @realtimeSeen, '1', 'PX', window)
        else
          if redis.call('EXISTS', @realtimeSeen) == 1 then
            ceiling = math.max(1, limit - math.ceil(limit * tonumber(@share)))
          end
          local spread = math.max(1, math.ceil(limit * 1.5 * 1000 / window))
          if perSecond == 0 or spread < perSecond then perSecond = spread end
        end
        local used = redis.call('ZCARD', @log)
        if used >= ceiling then
          local freeing = redis.call('ZRANGE', @log, used - ceiling, used - ceiling, 'WITHSCORES')
          return math.max(1, tonumber(freeing[2]) + window - now)
        end
        if perSecond > 0 then
          local recent = redis.call('ZCOUNT', @log, '(' .. (now - 1000), '+inf')
          if recent >= perSecond then
            local freeing = redis.call('ZRANGEBYSCORE', @log, '(' .. (now - 1000), '+inf', 'WITHSCORES', 'LIMIT', recent - perSecond, 1)
            return math.max(1, tonumber(freeing[2]) + 1000 - now)
          end
        end
        redis.call('ZADD', @log, now, @request)
        redis.call('PEXPIRE', @log, window + 1000)
        return 0
        """);

    private static readonly LuaScript Pause = LuaScript.Prepare("""
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local untilMs = now + tonumber(@length)
        if untilMs > tonumber(redis.call('GET', @pause) or '0') then
          redis.call('SET', @pause, untilMs, 'PX', tonumber(@length) + 1000)
        end
        return 0
        """);

    private static readonly LuaScript Count = LuaScript.Prepare("""
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        return redis.call('ZCOUNT', @log, '(' .. (now - tonumber(@windowMs)), '+inf')
        """);

    private long _requests;

    public bool IsAvailable => connection.IsConnected;

    public int Nodes => connection.Nodes;

    public async ValueTask<TimeSpan?> TryTakeAsync(string provider, SharedQuota quota, bool realTime, CancellationToken cancellationToken)
    {
        if (connection.Database is not { } database)
        {
            return null;
        }

        var prefix = connection.Prefix + "rate:" + provider;
        try
        {
            var wait = (long)await database.ScriptEvaluateAsync(Take, new
            {
                log = (RedisKey)prefix,
                pause = (RedisKey)(prefix + ":pause"),
                realtimeSeen = (RedisKey)(prefix + ":realtime"),
                limit = quota.Limit,
                windowMs = (long)quota.Window.TotalMilliseconds,
                perSecond = quota.PerSecond ?? 0,
                realTime = realTime ? "1" : "0",
                share = quota.RealtimeShare.ToString(CultureInfo.InvariantCulture),
                request = connection.NodeId + ":" + Interlocked.Increment(ref _requests),
            });
            return TimeSpan.FromMilliseconds(wait);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            connection.Failed("rate budget", ex);
            return null;
        }
    }

    public async ValueTask<long?> RemainingAsync(string provider, SharedQuota quota, CancellationToken cancellationToken)
    {
        if (connection.Database is not { } database)
        {
            return null;
        }

        try
        {
            var used = (long)await database.ScriptEvaluateAsync(Count, new
            {
                log = (RedisKey)(connection.Prefix + "rate:" + provider),
                windowMs = (long)quota.Window.TotalMilliseconds,
            });
            return Math.Max(0, quota.Limit - used);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            connection.Failed("rate budget", ex);
            return null;
        }
    }

    public async ValueTask PauseAsync(string provider, TimeSpan length)
    {
        if (connection.Database is not { } database)
        {
            return;
        }

        try
        {
            await database.ScriptEvaluateAsync(Pause, new
            {
                pause = (RedisKey)(connection.Prefix + "rate:" + provider + ":pause"),
                length = (long)Math.Ceiling(length.TotalMilliseconds),
            });
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            connection.Failed("rate pause", ex);
        }
    }
}
