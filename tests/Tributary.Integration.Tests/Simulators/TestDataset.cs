using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Simulators;

/// <summary>One dataset for every simulator the tests start: it is immutable, and building it once keeps the suite fast.</summary>
internal static class TestDataset
{
    public static readonly Task<SampleDataset> Shared = Task.Run(SampleDataset.Create);
}
