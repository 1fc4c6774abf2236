using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tributary.Connectors.Clearbit;
using Tributary.Connectors.ZoomInfo;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Orchestration;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Infrastructure;

/// <summary>
/// The real engine, connectors and SQLite ledger, wired as the host wires them, pointed at simulators over loopback.
/// One harness per test: it owns the process-wide state a test may change (cache, circuits, rate budgets).
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TempDirectory _directory = new();

    public EngineHarness(
        ClearbitSimulator clearbit, ZoomInfoSimulator zoominfo, IDictionary<string, string?>? overrides = null, LogCapture? logs = null, TimeProvider? time = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Providers:Clearbit:ApiKey"] = clearbit.ApiKey,
            ["Providers:Clearbit:BaseUrl"] = clearbit.BaseUrl,
            ["Providers:Clearbit:Priority"] = "1",
            ["Providers:ZoomInfo:Username"] = zoominfo.Username,
            ["Providers:ZoomInfo:Password"] = zoominfo.Password,
            ["Providers:ZoomInfo:BaseUrl"] = zoominfo.BaseUrl,
            ["Providers:ZoomInfo:Priority"] = "2",

            // Generous attempt timeouts: on a loaded machine a slow answer must not turn into a retry that tests counting
            // provider calls would see. Tests about deadlines set the request budget instead.
            ["Providers:Clearbit:TimeoutMs"] = "3000",
            ["Providers:ZoomInfo:TimeoutMs"] = "3000",
            ["Storage:ConnectionString"] = $"Data Source={_directory.File("tributary.db")}",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Debug);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddTributary(configuration).AddClearbit().AddZoomInfo().UseStorage();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IServiceProvider Services => _services;

    public EnrichmentEngine Engine => _services.GetRequiredService<EnrichmentEngine>();

    public IdentifierSet Identify(string? email = null, string? phone = null, string? domain = null) =>
        _services.GetRequiredService<IdentifierNormalizer>().Normalize(new RawIdentifiers(email, phone, domain));

    /// <summary>
    /// Enriches with a generous default budget, so a cold first call on a busy machine is not a timeout; tests about
    /// deadlines pass their own.
    /// </summary>
    public Task<EnrichmentResult> EnrichAsync(string email, TimeSpan? timeout = null, EnrichmentMode? mode = null, params string[] providers) =>
        Engine.EnrichAsync(
            new EnrichmentRequest(Identify(email)) { Timeout = timeout ?? TimeSpan.FromSeconds(5), Mode = mode, Providers = providers.Length == 0 ? null : providers },
            CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await FakeClock.DisposeAsync(_services);
        _directory.Dispose();
    }
}
