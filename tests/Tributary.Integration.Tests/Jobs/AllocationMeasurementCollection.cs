namespace Tributary.IntegrationTests.Jobs;

/// <summary>
/// Tests that measure allocations run alone: <see cref="GC.GetTotalAllocatedBytes(bool)"/> counts every thread of the
/// process, so tests running at the same time would add to the figure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurementCollection
{
    public const string Name = "Allocation measurements";
}
