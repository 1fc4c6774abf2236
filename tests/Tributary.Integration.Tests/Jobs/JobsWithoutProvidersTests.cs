using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Jobs;

/// <summary>
/// A gateway with no provider enabled asks nobody: its job records fail, saying why, rather than reading "unmatched"
/// as if every provider had said "no match" (a record marked unmatched is not asked again).
/// </summary>
public sealed class JobsWithoutProvidersTests : IAsyncLifetime
{
    private GatewayServer _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayServer.StartAsync("--Sandbox:Enabled=false");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Job_WithNoProviderEnabled_FailsItsRecords_SayingNoProviderIsEnabled()
    {
        var id = await JobsClient.SubmitAsync(_gateway.Client, $$"""[{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}]""");

        var job = await JobsClient.WaitForCompletionAsync(_gateway.Client, id);
        var results = await JobsClient.ResultsAsync(_gateway.Client, id);

        (job.GetProperty("failed").GetInt64(), job.GetProperty("unmatched").GetInt64()).ShouldBe((1, 0));
        results.Single().GetProperty("status").GetString().ShouldBe("failed");
        results.Single().GetProperty("reason").GetString().ShouldBe("no provider is enabled");
    }
}
