using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Tributary.Caching;

namespace Tributary.Host.Redis;

/// <summary>
/// The one connection to Redis a process holds (<c>Cache:Redis</c>). It never holds the process up: startup goes on
/// while Redis is unreachable, the client reconnects behind, and every user asks <see cref="IsConnected"/> first and
/// works alone meanwhile. Losing and regaining Redis is logged once each. A Redis that keeps its connection but stops
/// answering (frozen, swapping, a stalled network) is as good as lost: an operation that times out makes the process
/// work alone until a ping answers again, so real-time lookups do not wait out a timeout at every step.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    /// <summary>Each operation's timeout unless <c>Cache:Redis</c> sets <c>syncTimeout</c>/<c>asyncTimeout</c>: Redis answers in a millisecond.</summary>
    private const int DefaultTimeoutMs = 500;

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private readonly Task<ConnectionMultiplexer> _connecting;
    private readonly ILogger<RedisConnection> _logger;
    private readonly int? _configuredNodes;
    private readonly CancellationTokenSource _disposed = new();
    private readonly System.Net.EndPoint? _endPoint;
    private int _seenNodes = 1;
    private int _unresponsive;

    public RedisConnection(IOptions<CacheOptions> options, ILogger<RedisConnection> logger)
    {
        _logger = logger;
        Prefix = options.Value.RedisPrefix;
        _configuredNodes = options.Value.Nodes;
        var configuration = ConfigurationOptions.Parse(options.Value.Redis!);
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= "tributary";
        var redis = options.Value.Redis!;
        if (!redis.Contains("syncTimeout", StringComparison.OrdinalIgnoreCase))
        {
            configuration.SyncTimeout = DefaultTimeoutMs;
        }

        if (!redis.Contains("asyncTimeout", StringComparison.OrdinalIgnoreCase))
        {
            configuration.AsyncTimeout = DefaultTimeoutMs;
        }

        _endPoint = configuration.EndPoints.FirstOrDefault();
        _connecting = ConnectAsync(configuration);
    }

    /// <summary>Names this process among those sharing Redis.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Prefix of every key this process writes.</summary>
    public string Prefix { get; }

    /// <summary>Prefix of the shared cache's entries (HybridCache's second level): the lookup key follows it.</summary>
    public string CachePrefix => Prefix + "cache:";

    /// <summary>Processes sharing the quotas: <c>Cache:Nodes</c>, else as many as last announced themselves (<see cref="RedisNodes"/>).</summary>
    public int Nodes => _configuredNodes ?? Volatile.Read(ref _seenNodes);

    public bool IsConnected => _connecting.IsCompletedSuccessfully && _connecting.Result.IsConnected && Volatile.Read(ref _unresponsive) == 0;

    /// <summary>The database, when connected; null while Redis is unreachable.</summary>
    public IDatabase? Database => IsConnected ? _connecting.Result.GetDatabase() : null;

    public async Task<IConnectionMultiplexer> GetAsync() => await _connecting;

    /// <summary>Raised, on a thread of the connection's, each time a lost connection to Redis is back.</summary>
    public event Action? Restored;

    internal void SawNodes(int count) => Volatile.Write(ref _seenNodes, Math.Max(1, count));

    /// <summary>
    /// What every user does with an operation that failed: logs it (Debug) and, when Redis did not answer in time,
    /// stops every use of it until a ping answers, checked once a second in the background.
    /// </summary>
    public void Failed(string operation, Exception exception)
    {
        RedisLog.OperationFailed(_logger, operation, exception);
        if (exception is TimeoutException && Interlocked.Exchange(ref _unresponsive, 1) == 0)
        {
            RedisLog.Unresponsive(_logger, operation, Nodes);
            _ = ProbeUntilAnsweredAsync();
        }
    }

    private async Task ProbeUntilAnsweredAsync()
    {
        var multiplexer = await _connecting;
        while (!_disposed.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ProbeInterval, _disposed.Token);
                await multiplexer.GetDatabase().PingAsync();
                Volatile.Write(ref _unresponsive, 0);
                OnRestored(_endPoint);
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Still not answering (or gone, which the connection's own events report): look again.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        if (_connecting.IsCompletedSuccessfully)
        {
            await _connecting.Result.DisposeAsync();
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration)
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
        multiplexer.ConnectionFailed += (_, e) => Lost(e.EndPoint, e.FailureType);
        multiplexer.ConnectionRestored += (_, e) => OnRestored(e.EndPoint);
        if (!multiplexer.IsConnected)
        {
            Lost(configuration.EndPoints.FirstOrDefault(), ConnectionFailureType.UnableToConnect);
        }

        return multiplexer;
    }

    private void OnRestored(System.Net.EndPoint? endPoint)
    {
        var name = endPoint?.ToString();
        RedisLog.Restored(_logger, name);
        Restored?.Invoke();
    }

    private void Lost(System.Net.EndPoint? endPoint, ConnectionFailureType failure)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            RedisLog.Lost(_logger, endPoint?.ToString(), failure.ToString(), Nodes);
        }
    }
}
