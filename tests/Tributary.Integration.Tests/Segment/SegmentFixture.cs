using Tributary.IntegrationTests.Simulators;
using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Segment;

/// <summary>One Segment simulator on the real clock, shared by the tests of a class.</summary>
public sealed class SegmentFixture : SimulatorFixture<SegmentSimulator>
{
    internal override SegmentSimulator Create(SimulatorOptions options, Task<SampleDataset> dataset) => new(options, dataset, port: 0);

    /// <summary>Faults off, counts and recorded messages cleared.</summary>
    public void Clear()
    {
        Reset();
        Simulator.ClearMessages();
    }
}
