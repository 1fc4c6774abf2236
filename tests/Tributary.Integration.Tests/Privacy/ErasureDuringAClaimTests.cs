using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Jobs;
using Tributary.IntegrationTests.Pipeline;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Privacy;

/// <summary>
/// An erasure run by another gateway on the same store while batch work for the subject is out at the providers. The
/// working gateway reads its copy of the suppression list once an hour here, so nothing in its memory knows of the
/// erasure: what keeps the work from leaving the subject behind is its look at the store after its own writes.
/// </summary>
public sealed class ErasureDuringAClaimTests : IAsyncLifetime
{
    private static readonly string[] StorePlaces = ["ledger", "enrichedContacts", "unmatched", "jobRecords", "identityLinks", "profiles", "journal"];

    private readonly TempDirectory _directory = new();
    private GatewayServer _worker = null!;
    private GatewayServer _eraser = null!;

    private SandboxSimulators Sandbox => _worker.Services.GetRequiredService<SandboxSimulators>();

    private ProviderSimulator[] Providers => [Sandbox.Clearbit, Sandbox.ZoomInfo, Sandbox.Apollo, Sandbox.Hunter, Sandbox.PeopleDataLabs];

    public async Task InitializeAsync()
    {
        var database = _directory.File("tributary.db");
        _worker = await GatewayServer.StartOnDatabaseAsync(
            database, "--Sandbox:Enabled=true", "--Sandbox:Warmup=false", "--Privacy:SuppressionRefreshSeconds=3600", "--Pipeline:PollMilliseconds=50");
        _eraser = await GatewayServer.StartOnDatabaseAsync(database, "--Sandbox:Enabled=false", "--Pipeline:Enabled=false", "--Jobs:PollSeconds=3600");

        // The erasure must land while the providers hold their answers back: its path is compiled first, and the
        // answers take long enough for a loaded machine to erase well within them.
        (await ErasureTests.ForgetAsync(_eraser, """{"email":"nobody@warm-up.example"}""")).Status.ShouldBe(200);
        foreach (var provider in Providers)
        {
            provider.Faults.LatencyMs = 5000;
        }
    }

    public async Task DisposeAsync()
    {
        await _eraser.DisposeAsync();
        await _worker.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task DuringAPipelineClaim_TheClaimLeavesNothingOfTheSubject_AndWritesNothingBack()
    {
        var email = Sandbox.HubSpot.GetContact("1002")!.Properties["email"];
        using var staged = await HubSpotWebhookSender.PostAsync(_worker.Client, HubSpotWebhookSender.Creation("1002"));

        await EraseOnceAtTheProvidersAsync(email);
        await PipelineProbe.WaitForRunAsync(_worker.Client);

        Sandbox.HubSpot.Writes.ShouldBeEmpty("nothing learned about her goes to the CRM after her erasure");
        (await _worker.Services.GetRequiredService<IEnrichedContactStore>().GetAsync("hubspot:1002", CancellationToken.None)).ShouldBeNull();
        await ShouldFindNothingLeftAsync(email);
    }

    [Fact]
    public async Task DuringABulkJob_ItsResultsLeaveNothingOfTheSubject()
    {
        var id = await JobsClient.SubmitAsync(_worker.Client, $$"""[{"email":"{{SampleIdentifiers.JaneDoeEmail}}"},{"email":"{{SampleIdentifiers.JaneDoeEmail.Replace("jane", "john", StringComparison.Ordinal)}}"}]""");

        await EraseOnceAtTheProvidersAsync(SampleIdentifiers.JaneDoeEmail);
        var job = await JobsClient.WaitForCompletionAsync(_worker.Client, id);

        job.GetProperty("processed").GetInt64().ShouldBe(2);
        var results = await JobsClient.ResultsAsync(_worker.Client, id);
        string.Join('\n', results.Select(static r => r.ToString())).ShouldNotContain(SampleIdentifiers.JaneDoeEmail, Case.Insensitive);
        await ShouldFindNothingLeftAsync(SampleIdentifiers.JaneDoeEmail);
    }

    /// <summary>Erases <paramref name="email"/> through the other gateway once the work has reached the providers.</summary>
    private async Task EraseOnceAtTheProvidersAsync(string email)
    {
        await Eventually.TrueAsync(() => Providers.Sum(p => p.Calls.Total) > 0, "the work to reach the providers", TimeSpan.FromSeconds(15));
        var (status, receipt) = await ErasureTests.ForgetAsync(_eraser, $$"""{"email":"{{email}}"}""");
        status.ShouldBe(200, receipt.ToString());
    }

    /// <summary>A second erasure finds nothing, and the working gateway no longer answers for the subject.</summary>
    private async Task ShouldFindNothingLeftAsync(string email)
    {
        var (_, again) = await ErasureTests.ForgetAsync(_eraser, $$"""{"email":"{{email}}"}""");
        foreach (var place in StorePlaces)
        {
            again.GetProperty(place).GetInt32().ShouldBe(0, $"{place}: written after the erasure and left behind");
        }

        // The working gateway learned of the erasure from the store, an hour before its list would have.
        foreach (var provider in Providers)
        {
            provider.Faults.LatencyMs = 0;
        }

        (await _worker.EnrichAsync<JsonElement>($$"""{"email":"{{email}}"}""")).GetProperty("source").GetString().ShouldBe("none");
    }
}
