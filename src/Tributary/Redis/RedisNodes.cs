using StackExchange.Redis;

namespace Tributary.Host.Redis;

/// <summary>
/// Each process announces itself in Redis every few seconds and counts who else did, so the quota share it falls back
/// to when Redis is lost (1/N) follows the processes actually running. It leaves the list when it stops.
/// </summary>
internal sealed class RedisNodes(RedisConnection connection, ILogger<RedisNodes> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Alive = Interval * 3;

    // Server time, so the machines' clocks need not agree.
    private static readonly LuaScript Announce = LuaScript.Prepare("""
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        redis.call('ZADD', @nodes, now, @node)
        redis.call('ZREMRANGEBYSCORE', @nodes, '-inf', now - tonumber(@alive))
        redis.call('PEXPIRE', @nodes, @alive)
        return redis.call('ZCARD', @nodes)
        """);

    private RedisKey Key => connection.Prefix + "nodes";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            if (connection.Database is { } database)
            {
                try
                {
                    var seen = await database.ScriptEvaluateAsync(Announce, new { nodes = Key, node = connection.NodeId, alive = (long)Alive.TotalMilliseconds });
                    connection.SawNodes((int)seen);
                }
                catch (RedisException ex)
                {
                    RedisLog.OperationFailed(logger, "announce", ex);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false) is true);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (connection.Database is { } database)
        {
            try
            {
                await database.SortedSetRemoveAsync(Key, connection.NodeId);
            }
            catch (RedisException ex)
            {
                RedisLog.OperationFailed(logger, "leave", ex);
            }
        }
    }
}
