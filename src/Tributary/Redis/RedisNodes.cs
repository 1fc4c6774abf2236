using StackExchange.Redis;

namespace Tributary.Host.Redis;

/// <summary>
/// Each process announces itself in Redis every few seconds and counts who else did, so the quota share it falls back
/// to when Redis is lost (1/N) follows the processes actually running. It leaves the list when it stops. Before any
/// hosted service starts (workers included), it gives Redis a few seconds to connect: otherwise a process's first
/// calls would find the shared budgets not yet reachable and each take its quota alone.
/// </summary>
internal sealed class RedisNodes(RedisConnection connection) : BackgroundService, IHostedLifecycleService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Alive = Interval * 3;
    private static readonly TimeSpan FirstConnection = TimeSpan.FromSeconds(5);

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

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The client connects in the background (and keeps trying): this only waits for its first attempt.
            await connection.GetAsync().WaitAsync(FirstConnection, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Starts without Redis, as when it is down: the quotas are kept alone at 1/N until it connects.
        }

        await AnnounceAsync();
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await AnnounceAsync();
        }
    }

    private async Task AnnounceAsync()
    {
        if (connection.Database is not { } database)
        {
            return;
        }

        try
        {
            var seen = await database.ScriptEvaluateAsync(Announce, new { nodes = Key, node = connection.NodeId, alive = (long)Alive.TotalMilliseconds });
            connection.SawNodes((int)seen);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // RedisTimeoutException is a TimeoutException, not a RedisException.
            connection.Failed("announce", ex);
        }
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
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                connection.Failed("leave", ex);
            }
        }
    }
}
