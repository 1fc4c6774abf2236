using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Pipeline;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.HubSpot;

/// <summary>
/// The pipeline in sandbox mode against HubSpot answers that confirm less than was asked: a batch read that fails some
/// contacts, a write-back that leaves some out. A record is settled only on HubSpot's word about that record.
/// </summary>
public sealed class HubSpotPipelineAnswerTests : IAsyncLifetime
{
    private const string ReadPath = "/crm/v3/objects/contacts/batch/read";

    private GatewayServer _gateway = null!;

    // Retries a quarter of a second apart: time for a test to take a fault away before the next attempt.
    public async Task InitializeAsync() =>
        _gateway = await GatewayServer.StartAsync("--Pipeline:PollMilliseconds=50", "--Pipeline:RetryBaseSeconds=0.25", "--Pipeline:MaxAttempts=3");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private HubSpotSimulator HubSpot => _gateway.Services.GetRequiredService<SandboxSimulators>().HubSpot;

    [Fact]
    public async Task ABatchReadError_OtherThanNotFound_RetriesThatContactAlone_InsteadOfRecordingItUnmatched()
    {
        HubSpot.Faults.ReadErrorIds = ["1005"];

        using var response = await HubSpotWebhookSender.PostAsync(_gateway.Client, HubSpotWebhookSender.Creation("1002", "1005"));
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);

        // The contact HubSpot did read goes on while the other still fails: one bad id does not hold back its batch.
        await Eventually.TrueAsync(() => HubSpot.GetContact("1002")!.Properties.ContainsKey("jobtitle"), "the contact HubSpot read to be written", TimeSpan.FromSeconds(20));
        HubSpot.Faults.ReadErrorIds = null;

        await Eventually.TrueAsync(() => HubSpot.GetContact("1005")!.Properties.ContainsKey("jobtitle"), "the contact HubSpot failed to read to be written", TimeSpan.FromSeconds(20));
        var status = await PipelineProbe.WaitForRunAsync(_gateway.Client);

        (await _gateway.Services.GetRequiredService<IUnmatchedRecordStore>().GetAsync("hubspot:1005", CancellationToken.None)).ShouldBeNull();
        status.GetProperty("unmatched").GetInt64().ShouldBe(0);
        status.GetProperty("deadLetters").GetInt64().ShouldBe(0);
        HubSpot.GetContact("1002")!.Properties.ShouldContainKey("jobtitle");
    }

    [Fact]
    public async Task AContactHubSpotNeverReads_BecomesADeadLetter_NotUnmatched()
    {
        HubSpot.Faults.ReadErrorIds = ["1008"];

        using var response = await HubSpotWebhookSender.PostAsync(_gateway.Client, HubSpotWebhookSender.Creation("1008"));
        var deadLetters = _gateway.Services.GetRequiredService<IDeadLetterStore>();
        await Eventually.TrueAsync(async () => await deadLetters.CountAsync(CancellationToken.None) == 1, "the dead letter", TimeSpan.FromSeconds(20));

        var letter = (await deadLetters.ListAsync(10, CancellationToken.None)).ShouldHaveSingleItem().Letter;
        (letter.SourceSystem, letter.RecordId, letter.Reason, letter.Attempts).ShouldBe(("hubspot", "1008", "read_failed", 3));
        (await _gateway.Services.GetRequiredService<IUnmatchedRecordStore>().CountAsync(CancellationToken.None)).ShouldBe(0);
        HubSpot.Calls[ReadPath].ShouldBe(3);
        HubSpot.Writes.ShouldBeEmpty();
    }

    [Fact]
    public async Task AWriteBack_HubSpotDidNotConfirm_IsRetried_UntilItIs()
    {
        HubSpot.Faults.UpdateOmitIds = ["1005"];

        using var response = await HubSpotWebhookSender.PostAsync(_gateway.Client, HubSpotWebhookSender.Creation("1002", "1005"));
        await Eventually.TrueAsync(() => HubSpot.Writes.Count >= 1, "the first write-back");
        HubSpot.Faults.UpdateOmitIds = null;

        await Eventually.TrueAsync(() => HubSpot.GetContact("1005")!.Properties.ContainsKey("jobtitle"), "the unconfirmed contact to be written", TimeSpan.FromSeconds(20));
        var status = await PipelineProbe.WaitForRunAsync(_gateway.Client);

        HubSpot.Writes[0].Ids.Order().ShouldBe(["1002", "1005"]);
        HubSpot.Writes.Skip(1).SelectMany(w => w.Ids).ShouldAllBe(id => id == "1005");
        status.GetProperty("deadLetters").GetInt64().ShouldBe(0);
        status.GetProperty("runs").EnumerateArray().Sum(r => r.GetProperty("enriched").GetInt64()).ShouldBe(2);
    }

    [Fact]
    public async Task AWriteBack_HubSpotNeverConfirms_IsNeverJournaledWritten_AndBecomesADeadLetter()
    {
        HubSpot.Faults.UpdateOmitIds = ["1002"];

        using var response = await HubSpotWebhookSender.PostAsync(_gateway.Client, HubSpotWebhookSender.Creation("1002"));
        var deadLetters = _gateway.Services.GetRequiredService<IDeadLetterStore>();
        await Eventually.TrueAsync(async () => await deadLetters.CountAsync(CancellationToken.None) == 1, "the dead letter", TimeSpan.FromSeconds(20));

        var letter = (await deadLetters.ListAsync(10, CancellationToken.None)).ShouldHaveSingleItem().Letter;
        (letter.RecordId, letter.Reason).ShouldBe(("1002", "no_result"));
        HubSpot.Writes.Count.ShouldBe(3);
        HubSpot.GetContact("1002")!.Properties.ShouldNotContainKey("jobtitle");
        var status = await PipelineProbe.WaitForRunAsync(_gateway.Client);
        var journal = _gateway.Services.GetRequiredService<IWriteBackJournal>();
        var entries = new List<JournalEntry>();
        foreach (var run in status.GetProperty("runs").EnumerateArray())
        {
            entries.AddRange(await journal.ListAsync(run.GetProperty("id").GetString()!, CancellationToken.None));
        }

        entries.ShouldNotBeEmpty();
        entries.ShouldAllBe(e => e.RecordId == "1002" && e.State == JournalState.Failed);
    }
}
