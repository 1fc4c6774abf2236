using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Simulators.Apollo;

public sealed class ApolloFixture : SimulatorFixture<ApolloSimulator>
{
    internal override ApolloSimulator Create(SimulatorOptions options, Task<SampleDataset> dataset) => new(options, dataset, 0);
}
