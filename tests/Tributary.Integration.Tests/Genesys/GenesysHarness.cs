using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tributary.Host.Genesys;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Simulators;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Genesys;

/// <summary>
/// The Genesys simulator and the client built through the real registration, both on one fake clock, so Retry-After
/// waits, backoff and rate windows pass when the test advances it. One per test.
/// </summary>
internal sealed class GenesysHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private GenesysHarness(GenesysSimulator simulator, ServiceProvider services, FakeTimeProvider time)
    {
        Simulator = simulator;
        _services = services;
        Time = time;
    }

    public GenesysSimulator Simulator { get; }

    public FakeTimeProvider Time { get; }

    public GenesysClient Client => _services.GetRequiredService<GenesysClient>();

    public static async Task<GenesysHarness> StartAsync(
        IDictionary<string, string?>? settings = null, SimulatorOptions? simulatorOptions = null, ILoggerProvider? logs = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var options = simulatorOptions ?? new SimulatorOptions();
        options.TimeProvider = time;
        var simulator = new GenesysSimulator(options, TestDataset.Shared, 0);
        await simulator.StartAsync();

        var effective = new Dictionary<string, string?>
        {
            ["Genesys:BaseUrl"] = simulator.BaseUrl,
            ["Genesys:ClientId"] = simulator.ClientId,
            ["Genesys:ClientSecret"] = simulator.ClientSecret,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            effective[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(effective).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddSingleton<TimeProvider>(time);
        services.AddGenesys(configuration);
        return new GenesysHarness(simulator, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), time);
    }

    /// <summary>Writes attributes to the sample conversation's customer.</summary>
    public Task<GenesysResult> PatchSampleAsync(IReadOnlyDictionary<string, string> attributes) =>
        Client.PatchParticipantAttributesAsync(GenesysSimulator.SampleConversationId, GenesysSimulator.SampleParticipantId, attributes, CancellationToken.None);

    /// <summary>Whether <paramref name="call"/> ends while the fake clock stands still: it waited for no pause and no window.</summary>
    public static async Task<bool> EndsWithoutTimePassingAsync(Task call)
    {
        // Real time bounds a wait for the loopback exchange only; a call that waits for fake time never ends here.
        await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(10)));
        return call.IsCompleted;
    }

    /// <summary>
    /// Moves the fake clock a second at a time until <paramref name="call"/> completes, so every wait the client
    /// schedules (Retry-After, backoff, the gate) passes; returns the result and the fake time that passed.
    /// </summary>
    public async Task<(T Result, TimeSpan Waited)> AdvanceUntilDoneAsync<T>(Task<T> call, TimeSpan? limit = null)
    {
        var waited = TimeSpan.Zero;
        var max = limit ?? TimeSpan.FromMinutes(10);
        while (!call.IsCompleted)
        {
            // Lets the client reach its next wait before the clock moves (a real yield, not a wait for time).
            await Task.WhenAny(call, Task.Delay(5));
            if (call.IsCompleted)
            {
                break;
            }

            waited.ShouldBeLessThan(max, "the call should have ended by now");
            Time.Advance(TimeSpan.FromSeconds(1));
            waited += TimeSpan.FromSeconds(1);
        }

        return (await call, waited);
    }

    public async ValueTask DisposeAsync()
    {
        await FakeClock.DisposeAsync(_services);
        await Simulator.DisposeAsync();
    }
}
