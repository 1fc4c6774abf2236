using Tributary.IntegrationTests.Simulators;
using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.HubSpot;

/// <summary>One HubSpot simulator on the real clock, shared by the tests of a class.</summary>
public sealed class HubSpotFixture : SimulatorFixture<HubSpotSimulator>
{
    internal override HubSpotSimulator Create(SimulatorOptions options, Task<SampleDataset> dataset) => new(options, dataset, port: 0);
}
