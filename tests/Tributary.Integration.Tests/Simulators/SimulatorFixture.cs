using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Simulators;

/// <summary>
/// One started simulator and an HttpClient on its base URL, shared by the tests of a class (which
/// run one at a time). Tests call <see cref="Reset"/> first, so faults never leak between them.
/// </summary>
public abstract class SimulatorFixture<TSimulator> : IAsyncLifetime
    where TSimulator : ProviderSimulator
{
    public TSimulator Simulator { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Simulator = Create(new SimulatorOptions(), TestDataset.Shared);
        await Simulator.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(Simulator.BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
    }

    public void Reset()
    {
        Simulator.Faults.Reset();
        Simulator.Calls.Reset();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Simulator.DisposeAsync();
    }

    internal abstract TSimulator Create(SimulatorOptions options, Task<SampleDataset> dataset);
}
