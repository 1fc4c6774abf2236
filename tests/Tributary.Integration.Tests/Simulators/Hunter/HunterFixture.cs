using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Simulators.Hunter;

public sealed class HunterFixture : SimulatorFixture<HunterSimulator>
{
    internal override HunterSimulator Create(SimulatorOptions options, Task<SampleDataset> dataset) => new(options, dataset, 0);
}
