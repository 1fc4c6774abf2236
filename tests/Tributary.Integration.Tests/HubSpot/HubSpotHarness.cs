using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tributary.Host.Crm;
using Tributary.Host.HubSpot;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.HubSpot;

/// <summary>
/// The HubSpot client as the host registers it (<see cref="HubSpotRegistration.AddHubSpot"/>), pointed at a simulator
/// over loopback. One harness per test: the account budget (pacer) is process-wide state a test may spend or stop.
/// </summary>
internal sealed class HubSpotHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public HubSpotHarness(HubSpotSimulator simulator, IDictionary<string, string?>? overrides = null, TimeProvider? time = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["HubSpot:AccessToken"] = simulator.AccessToken,
            ["HubSpot:BaseUrl"] = simulator.BaseUrl,
            ["HubSpot:RetryBaseDelayMs"] = "100",
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

        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddHubSpot(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IServiceProvider Services => _services;

    public ICrmSystem Crm => _services.GetServices<ICrmSystem>().Single(c => c.Name == "hubspot");

    public HubSpotPacer Pacer => _services.GetRequiredService<HubSpotPacer>();

    public HubSpotOptions Options => _services.GetRequiredService<IOptions<HubSpotOptions>>().Value;

    public static CrmUpdate Update(string id, params (string Property, string Value)[] fields) =>
        new(id, "contact", fields.ToDictionary(static f => f.Property, static f => f.Value));

    public ValueTask DisposeAsync() => FakeClock.DisposeAsync(_services);
}
