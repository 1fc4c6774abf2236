using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Storage;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Pipeline;

/// <summary>The pipeline end to end on <c>Storage:Provider=postgres</c>: webhook, staging, worker, write-back, journal, dead letters.</summary>
[RequiresPostgres]
public sealed class PostgresPipelineTests(PostgresStoreBackend postgres) : IClassFixture<PostgresStoreBackend>, IAsyncLifetime
{
    public Task InitializeAsync() => postgres.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [StoreFact]
    public async Task ASignedHubSpotCreation_IsWrittenBack_AndAContactThatKeepsFailing_EndsAsOneDeadLetter()
    {
        await using var gateway = await GatewayServer.StartAsync(
            "--Storage:Provider=postgres", $"--Storage:ConnectionString={postgres.ConnectionString}",
            "--Pipeline:PollMilliseconds=50", "--Pipeline:RetryBaseSeconds=0.05");
        var hubspot = gateway.Services.GetRequiredService<SandboxSimulators>().HubSpot;
        hubspot.Faults.FailIds = ["1005"];

        using var response = await HubSpotWebhookSender.PostAsync(gateway.Client, HubSpotWebhookSender.Creation("1002", "1005"));
        using var replay = await HubSpotWebhookSender.PostAsync(gateway.Client, HubSpotWebhookSender.Creation("1002", "1005"));
        await Eventually.TrueAsync(() => hubspot.GetContact("1002")!.Properties.ContainsKey("jobtitle"), "the write-back", TimeSpan.FromSeconds(20));
        var deadLetters = gateway.Services.GetRequiredService<IDeadLetterStore>();
        await Eventually.TrueAsync(async () => await deadLetters.CountAsync(CancellationToken.None) == 1, "1005 to use up its attempts", TimeSpan.FromSeconds(20));
        var status = await PipelineProbe.WaitForRunAsync(gateway.Client);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        status.GetProperty("staged").GetInt64().ShouldBe(0);
        (await gateway.Services.GetRequiredService<IEnrichedContactStore>().GetAsync("hubspot:1002", CancellationToken.None)).ShouldNotBeNull();
        var letter = (await deadLetters.ListAsync(10, CancellationToken.None)).ShouldHaveSingleItem().Letter;
        letter.RecordId.ShouldBe("1005");
        letter.Attempts.ShouldBe(5);
        hubspot.Writes.Count(w => w.Ids.Contains("1005")).ShouldBe(5);
    }
}
