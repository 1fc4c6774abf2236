using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Tributary.Caching;

namespace Tributary.Host.Redis;

/// <summary>
/// The one connection to Redis a process holds (<c>Cache:Redis</c>). It never holds the process up: startup goes on
/// while Redis is unreachable, the client reconnects behind, and every user asks <see cref="IsConnected"/> first and
/// works alone meanwhile. Losing and regaining Redis is logged once each.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly Task<ConnectionMultiplexer> _connecting;
    private readonly ILogger<RedisConnection> _logger;
    private readonly int? _configuredNodes;
    private int _seenNodes = 1;

    public RedisConnection(IOptions<CacheOptions> options, ILogger<RedisConnection> logger)
    {
        _logger = logger;
        Prefix = options.Value.RedisPrefix;
        _configuredNodes = options.Value.Nodes;
        var configuration = ConfigurationOptions.Parse(options.Value.Redis!);
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= "tributary";
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

    public bool IsConnected => _connecting.IsCompletedSuccessfully && _connecting.Result.IsConnected;

    /// <summary>The database, when connected; null while Redis is unreachable.</summary>
    public IDatabase? Database => IsConnected ? _connecting.Result.GetDatabase() : null;

    public async Task<IConnectionMultiplexer> GetAsync() => await _connecting;

    /// <summary>Raised, on a thread of the connection's, each time a lost connection to Redis is back.</summary>
    public event Action? Restored;

    internal void SawNodes(int count) => Volatile.Write(ref _seenNodes, Math.Max(1, count));

    public async ValueTask DisposeAsync()
    {
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
