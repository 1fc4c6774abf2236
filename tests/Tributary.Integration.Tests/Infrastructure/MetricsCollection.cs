namespace Tributary.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that assert exact metric counts or exported spans run alone: OpenTelemetry listens to every meter and source named "Tributary" in the
/// process, so gateways of other tests running at the same time would add to the counts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Exact metrics";
}
