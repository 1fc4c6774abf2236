using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tributary.Host.Crm;
using Tributary.Host.Salesforce;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Simulators;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Salesforce;

/// <summary>
/// A fresh Salesforce simulator (its org changes with every write) and the client as the host registers it
/// (<see cref="SalesforceRegistration.AddSalesforce"/>), logging in at the simulator over loopback. One per test.
/// </summary>
internal sealed class SalesforceHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SalesforceHarness(SalesforceSimulator simulator, ServiceProvider services)
    {
        Simulator = simulator;
        _services = services;
    }

    public SalesforceSimulator Simulator { get; }

    public IServiceProvider Services => _services;

    public ICrmSystem Crm => _services.GetServices<ICrmSystem>().Single(c => c.Name == "salesforce");

    public static async Task<SalesforceHarness> StartAsync(
        IDictionary<string, string?>? overrides = null, SimulatorOptions? simulatorOptions = null, TimeProvider? time = null, bool refreshToken = true)
    {
        var simulator = new SalesforceSimulator(simulatorOptions ?? new SimulatorOptions(), TestDataset.Shared, port: 0);
        await simulator.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = simulator.BaseUrl,
            ["Salesforce:ClientId"] = simulator.ClientId,
            ["Salesforce:ClientSecret"] = simulator.ClientSecret,
            ["Salesforce:RefreshToken"] = refreshToken ? simulator.RefreshToken : null,
            ["Salesforce:MaxAttempts"] = "3",
            ["Salesforce:RetryBaseDelayMs"] = "1",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new SalesforceHarness(simulator, Build(settings, time));
    }

    public static ServiceProvider Build(IDictionary<string, string?> settings, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSalesforce(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static CrmUpdate Update(string id, string objectType, params (string Field, string Value)[] fields) =>
        new(id, objectType, fields.ToDictionary(static f => f.Field, static f => f.Value));

    public int Calls(string objectPathTail) => Simulator.Calls[$"/services/data/v62.0/composite/sobjects{objectPathTail}"];

    public async ValueTask DisposeAsync()
    {
        await FakeClock.DisposeAsync(_services);
        await Simulator.DisposeAsync();
    }
}
