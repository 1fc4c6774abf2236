using System.Globalization;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.ScaleOut;

/// <summary>
/// Several <c>tributary serve</c> processes on loopback, each with its own SQLite file (so nothing is shared through
/// the store), all calling one Clearbit simulator in this process and sharing one Redis under a key prefix of their own.
/// </summary>
internal sealed class GatewayProcesses : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();

    // Lookup keys are keyed hashes: processes share cache entries only when they share the pepper, as processes on one
    // PostgreSQL store do (the store keeps the generated one) and as separate stores do when it is configured.
    private readonly string _pepper = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private readonly List<TributaryProcess> _processes = [];

    private GatewayProcesses()
    {
    }

    public IReadOnlyList<HttpClient> Clients { get; private set; } = [];

    public IReadOnlyList<TributaryProcess> Processes => _processes;

    /// <summary>Starts <paramref name="count"/> gateways on <paramref name="clearbit"/> at <paramref name="perMinute"/>, with Redis at
    /// <paramref name="redis"/> (none when null) under <paramref name="prefix"/>, plus <paramref name="settings"/> (environment names).</summary>
    public static async Task<GatewayProcesses> StartAsync(
        int count, ClearbitSimulator clearbit, int perMinute, string? redis, string prefix, params (string Key, string Value)[] settings)
    {
        var gateways = new GatewayProcesses();
        var clients = new List<HttpClient>();
        var ports = Enumerable.Range(0, count).Select(_ => TributaryProcess.FreePort()).ToArray();
        for (var i = 0; i < count; i++)
        {
            var environment = new Dictionary<string, string?>
            {
                ["Providers__Clearbit__ApiKey"] = new SimulatorOptions().ClearbitApiKey,
                ["Providers__Clearbit__BaseUrl"] = clearbit.BaseUrl,
                ["Providers__Clearbit__RateLimit__PerMinute"] = perMinute.ToString(CultureInfo.InvariantCulture),
                ["Storage__ConnectionString"] = $"Data Source={gateways._directory.File($"gateway-{i}.db")}",
                ["Cache__Redis"] = redis,
                ["Privacy__Pepper"] = gateways._pepper,
                ["Cache__RedisPrefix"] = prefix,
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Tributary.Host.Redis"] = "Information",
            };
            foreach (var (key, value) in settings)
            {
                environment[key] = value;
            }

            gateways._processes.Add(TributaryProcess.Start(["serve", "--urls", $"http://127.0.0.1:{ports[i]}"], environment, gateways._directory.Path));
            clients.Add(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports[i]}"), Timeout = TimeSpan.FromSeconds(30) });
        }

        gateways.Clients = clients;
        await Task.WhenAll(gateways._processes.Select((p, i) => p.WaitUntilHealthyAsync($"http://127.0.0.1:{ports[i]}/healthz", TimeSpan.FromSeconds(60))));
        return gateways;
    }

    /// <summary>Everything every gateway wrote, for failure messages and log checks.</summary>
    public string Output => string.Join("\n----\n", _processes.Select(p => p.Output));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Clients)
        {
            client.Dispose();
        }

        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        _directory.Dispose();
    }
}
