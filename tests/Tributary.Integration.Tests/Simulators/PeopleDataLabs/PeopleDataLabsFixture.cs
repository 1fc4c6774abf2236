using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Simulators.PeopleDataLabs;

public sealed class PeopleDataLabsFixture : SimulatorFixture<PeopleDataLabsSimulator>
{
    internal override PeopleDataLabsSimulator Create(SimulatorOptions options, Task<SampleDataset> dataset) => new(options, dataset, 0);
}
