using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Simulators.Clearbit;

public sealed class ClearbitFixture : SimulatorFixture<ClearbitSimulator>
{
    internal override ClearbitSimulator Create(SimulatorOptions options, Task<SampleDataset> dataset) => new(options, dataset, 0);
}
