using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Host.Pipeline;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Jobs;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Pipeline;

/// <summary>Dry runs, rollback, dead letters and the failure alert, against the HubSpot simulator of the sandbox.</summary>
public sealed class WriteBackControlTests
{
    private static readonly string[] Fast = ["--Pipeline:PollMilliseconds=50", "--Pipeline:RetryBaseSeconds=0.05"];

    [Fact]
    public async Task DryRun_WritesNothing_AndJournalsTheDiff()
    {
        await using var gateway = await GatewayServer.StartAsync([.. Fast, "--Pipeline:DryRun=true"]);
        var hubspot = gateway.Services.GetRequiredService<SandboxSimulators>().HubSpot;
        var before = hubspot.GetContact("1002")!.Properties;

        using var response = await HubSpotWebhookSender.PostAsync(gateway.Client, HubSpotWebhookSender.Creation("1002"));
        var status = await PipelineProbe.WaitForRunAsync(gateway.Client);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        hubspot.Writes.ShouldBeEmpty();
        hubspot.GetContact("1002")!.Properties.ShouldBe(before);
        var journal = await gateway.Services.GetRequiredService<IWriteBackJournal>().ListAsync(RunId(status), CancellationToken.None);
        journal.ShouldNotBeEmpty();
        journal.ShouldAllBe(e => e.State == JournalState.DryRun && e.RecordId == "1002");
        journal.Select(e => e.Field).ShouldContain("jobtitle");
    }

    [Fact]
    public async Task Rollback_RestoresWhatTheRunWrote_ButNotAFieldAPersonChangedSince()
    {
        await using var gateway = await GatewayServer.StartAsync(Fast);
        var hubspot = gateway.Services.GetRequiredService<SandboxSimulators>().HubSpot;
        using var response = await HubSpotWebhookSender.PostAsync(gateway.Client, HubSpotWebhookSender.Creation("1002"));
        var runId = RunId(await PipelineProbe.WaitForRunAsync(gateway.Client));
        var written = hubspot.GetContact("1002")!.Properties;
        written.ShouldContainKey("jobtitle");
        written.ShouldContainKey("company");

        // A sales rep corrects the company afterwards; rollback must leave that alone.
        hubspot.AddContact("1002", new Dictionary<string, string>(written) { ["company"] = "Typed By Hand Ltd" }, personSetProperties: ["company"]);
        var report = await gateway.Services.GetRequiredService<PipelineRollback>().RollbackAsync(runId, CancellationToken.None);
        var again = await gateway.Services.GetRequiredService<PipelineRollback>().RollbackAsync(runId, CancellationToken.None);

        var restored = hubspot.GetContact("1002")!;
        restored.Properties.ShouldNotContainKey("jobtitle");
        restored.Properties["company"].ShouldBe("Typed By Hand Ltd");
        report.RecordsRestored.ShouldBe(1);
        report.FieldsSkipped.ShouldBe(1);
        report.FieldsRestored.ShouldBe(report.FieldsWritten - 1);
        again.FieldsWritten.ShouldBe(0);
        var journal = gateway.Services.GetRequiredService<IWriteBackJournal>();
        (await journal.ListAsync(runId, CancellationToken.None)).ShouldAllBe(e => e.State == JournalState.RolledBack);
        (await journal.ListAsync(PipelineRollback.RollbackRunId(runId), CancellationToken.None)).Count.ShouldBe(report.FieldsRestored);
    }

    [Fact]
    public async Task APermanentFailure_EndsAsOneDeadLetter_AlertsOncePerRun_AndReplays()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        // One attempt, so the failure is the last one and becomes a dead letter in this run.
        await using var gateway = await GatewayServer.StartAsync(
            [.. Fast, "--Pipeline:MaxAttempts=1", "--HubSpot:Properties:jobTitle=hs_not_a_property", $"--Alerts:WebhookUrl={receiver.Url}"]);
        var hubspot = gateway.Services.GetRequiredService<SandboxSimulators>().HubSpot;

        using var response = await HubSpotWebhookSender.PostAsync(gateway.Client, HubSpotWebhookSender.Creation("1002", "1005"));
        var status = await PipelineProbe.WaitForRunAsync(gateway.Client);
        await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty, "the alert");

        status.GetProperty("deadLetters").GetInt64().ShouldBe(2);
        var run = status.GetProperty("runs")[0];
        run.GetProperty("failed").GetInt64().ShouldBe(2);
        run.GetProperty("failureRate").GetDouble().ShouldBe(1);
        hubspot.Writes.Count.ShouldBe(1);
        var alert = receiver.Requests.ShouldHaveSingleItem();
        alert.ContentLength.ShouldBe(alert.Body.Length, "a body of known length, not chunked");
        var text = JsonDocument.Parse(alert.Body).RootElement.GetProperty("text").GetString()!;
        text.ShouldContain("2 of 2 records failed");
        text.ShouldNotContain("@");

        var letters = await gateway.Client.GetStringAsync("/v1/dead-letters");
        var id = JsonDocument.Parse(letters).RootElement[0].GetProperty("id").GetInt64();
        JsonDocument.Parse(letters).RootElement[0].GetProperty("reason").GetString().ShouldBe("VALIDATION_ERROR");
        using var replay = await gateway.Client.PostAsync($"/v1/dead-letters/{id}/replay", null);
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(() => hubspot.Writes.Count == 2, "the replayed record to be tried again");
        // The write reaches HubSpot before its failure is settled: the second dead letter follows it.
        await Eventually.TrueAsync(
            async () => (await PipelineProbe.WaitForRunAsync(gateway.Client)).GetProperty("deadLetters").GetInt64() == 2,
            "the replayed record's second dead letter");
        await Eventually.TrueAsync(() => receiver.Requests.Count == 2, "the second run's alert");
    }

    [Fact]
    public async Task AnAlertUrlThatIsNotAnAbsoluteHttpUrl_IsRefusedAtStart()
    {
        var error = await Should.ThrowAsync<OptionsValidationException>(async () =>
        {
            await using var gateway = await GatewayServer.StartAsync([.. Fast, "--Alerts:WebhookUrl=hooks/slack"]);
        });

        error.Message.ShouldContain("Alerts:WebhookUrl");
    }

    [Fact]
    public async Task AHealthyRun_SendsNoAlert()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var gateway = await GatewayServer.StartAsync([.. Fast, $"--Alerts:WebhookUrl={receiver.Url}"]);

        using var response = await HubSpotWebhookSender.PostAsync(gateway.Client, HubSpotWebhookSender.Creation("1002"));
        await PipelineProbe.WaitForRunAsync(gateway.Client);

        receiver.Requests.ShouldBeEmpty();
    }

    private static string RunId(JsonElement status) => status.GetProperty("runs")[0].GetProperty("id").GetString()!;
}
