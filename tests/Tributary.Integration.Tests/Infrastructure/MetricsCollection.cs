namespace Tributary.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that assert exact metric counts run alone: OpenTelemetry listens to every meter named "Tributary" in the
/// process, so gateways of other tests running at the same time would add to the counts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Exact metrics";
}
