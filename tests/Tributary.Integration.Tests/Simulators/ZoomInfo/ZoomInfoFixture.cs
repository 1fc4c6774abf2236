using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Simulators.ZoomInfo;

public sealed class ZoomInfoFixture : SimulatorFixture<ZoomInfoSimulator>
{
    internal override ZoomInfoSimulator Create(SimulatorOptions options, Task<SampleDataset> dataset) => new(options, dataset, 0);
}
