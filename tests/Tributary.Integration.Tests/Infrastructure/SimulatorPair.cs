using Tributary.Simulators;

namespace Tributary.IntegrationTests.Infrastructure;

/// <summary>
/// Clearbit and ZoomInfo simulators for one test class (a class fixture): tests in a class run one at a time, so
/// each may set faults, and resets them when done.
/// </summary>
public sealed class SimulatorPair : IAsyncLifetime
{
    public ClearbitSimulator Clearbit { get; private set; } = null!;

    public ZoomInfoSimulator ZoomInfo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Clearbit = new ClearbitSimulator();
        ZoomInfo = new ZoomInfoSimulator();
        await Task.WhenAll(Clearbit.StartAsync(), ZoomInfo.StartAsync());
    }

    public void Reset()
    {
        Clearbit.Faults.Reset();
        ZoomInfo.Faults.Reset();
        Clearbit.Calls.Reset();
        ZoomInfo.Calls.Reset();
    }

    public async Task DisposeAsync()
    {
        await Clearbit.DisposeAsync();
        await ZoomInfo.DisposeAsync();
    }
}
