using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Pipeline;

/// <summary>
/// Seed 002 end to end in sandbox mode: a signed HubSpot webhook → staging → the worker reads the contact from the
/// HubSpot simulator, enriches it at the provider simulators, stores it and writes back what is blank, over HTTP.
/// </summary>
public sealed class HubSpotPipelineTests : IAsyncLifetime
{
    private GatewayServer _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayServer.StartAsync("--Pipeline:PollMilliseconds=50", "--Pipeline:RetryBaseSeconds=0.05");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private HubSpotSimulator HubSpot => _gateway.Services.GetRequiredService<SandboxSimulators>().HubSpot;

    [Fact]
    public async Task SignedCreation_OfBlankContacts_FillsTheirBlanks_ButNotWhatAPersonTyped()
    {
        // 1002 and 1005 were created with only a name and an email; a person imported 1005's city.
        var personCity = HubSpot.GetContact("1005")!.Properties["city"];

        using var response = await HubSpotWebhookSender.PostAsync(_gateway.Client, HubSpotWebhookSender.Creation("1002", "1005"));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var status = await PipelineProbe.WaitForRunAsync(_gateway.Client);
        status.GetProperty("enriched").GetInt64().ShouldBe(2);
        var blank = HubSpot.GetContact("1002")!;
        blank.Properties.ShouldContainKey("jobtitle");
        blank.Properties.ShouldContainKey("company");
        blank.History["jobtitle"][0].SourceType.ShouldBe("INTEGRATION");
        var imported = HubSpot.GetContact("1005")!;
        imported.Properties["city"].ShouldBe(personCity);
        imported.Properties.ShouldContainKey("jobtitle");
        HubSpot.Writes.Count.ShouldBe(1);
        HubSpot.Writes[0].Ids.Order().ShouldBe(["1002", "1005"]);
        HubSpot.Writes[0].Inputs.Single(i => i.Id == "1005").Properties.ShouldNotContainKey("city");

        var runId = status.GetProperty("runs")[0].GetProperty("id").GetString()!;
        var journal = await _gateway.Services.GetRequiredService<IWriteBackJournal>().ListAsync(runId, CancellationToken.None);
        journal.ShouldNotBeEmpty();
        journal.ShouldAllBe(e => e.State == JournalState.Written && e.OldValue == null && e.Confidence > 0);
        journal.Select(e => e.RecordId).Distinct().Order().ShouldBe(["1002", "1005"]);
        (await _gateway.Services.GetRequiredService<IEnrichedContactStore>().GetAsync("hubspot:1002", CancellationToken.None)).ShouldNotBeNull();

        // Identity:LinkOnEnrich: the CRM record is linked by the CRM's own id, as a caller knows it, with its email.
        using var resolved = await _gateway.Client.PostAsync("/v1/identity/resolve", new StringContent("""{"crmId":"1002"}"""));
        var resolution = await resolved.Content.ReadFromJsonAsync<JsonElement>();
        resolution.GetProperty("match").GetString().ShouldBe("deterministic");
        var profileId = resolution.GetProperty("profileId").GetString()!;
        using var byEmail = await _gateway.Client.PostAsync("/v1/identity/resolve", new StringContent($$"""{"email":"{{HubSpot.GetContact("1002")!.Properties["email"]}}"}"""));
        (await byEmail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("profileId").GetString().ShouldBe(profileId);
        using var prefixed = await _gateway.Client.PostAsync("/v1/identity/resolve", new StringContent("""{"crmId":"hubspot:1002"}"""));
        (await prefixed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("match").GetString().ShouldBe("guest", "the warehouse row id is not a CRM id");

        // The agent desktop still finds the record's warehouse row (hubspot:1002) from the CRM id the graph holds.
        var profile = await _gateway.Client.GetFromJsonAsync<JsonElement>($"/v1/profiles/{profileId}");
        profile.GetProperty("identifiers").EnumerateArray().ShouldContain(i => i.GetProperty("type").GetString() == "crmId" && i.GetProperty("value").GetString() == "1002");
        profile.GetProperty("enrichment").GetProperty("jobTitle").GetProperty("value").GetString().ShouldBe(blank.Properties["jobtitle"]);
    }

    [Fact]
    public async Task AFullContact_WithAPersonsJobTitle_GetsNoWrite()
    {
        // 1003: every field set, its job title corrected by a sales rep (CRM_UI).
        using var response = await HubSpotWebhookSender.PostAsync(_gateway.Client, HubSpotWebhookSender.Creation("1003"));
        await PipelineProbe.WaitForRunAsync(_gateway.Client);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        HubSpot.Writes.ShouldBeEmpty();
        HubSpot.GetContact("1003")!.History["jobtitle"][0].SourceType.ShouldBe("CRM_UI");
    }

    [Fact]
    public async Task TheSameDelivery_Twice_IsADuplicate_AndStagesNothingMore()
    {
        var body = HubSpotWebhookSender.Creation("1008");

        using var first = await HubSpotWebhookSender.PostAsync(_gateway.Client, body);
        using var second = await HubSpotWebhookSender.PostAsync(_gateway.Client, body);

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean().ShouldBeTrue();
        await PipelineProbe.WaitForRunAsync(_gateway.Client);
        HubSpot.Writes.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AnEventThatStagesNothing_Twice_IsAcceptedThenADuplicate()
    {
        const string body = """[{"eventId":771,"objectId":1008,"occurredAt":1764936000000,"subscriptionType":"contact.propertyChange","propertyName":"lifecyclestage","propertyValue":"lead"}]""";

        using var first = await HubSpotWebhookSender.PostAsync(_gateway.Client, body);
        using var second = await HubSpotWebhookSender.PostAsync(_gateway.Client, body);

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32().ShouldBe(0);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("wrong-secret", 0, null)]
    [InlineData(HubSpotWebhookSender.SandboxSecret, -6, null)]
    [InlineData(HubSpotWebhookSender.SandboxSecret, 6, null)]
    [InlineData(HubSpotWebhookSender.SandboxSecret, 0, "http://attacker.example/webhooks/hubspot")]
    public async Task ForgedOrStaleDeliveries_Are401_AndStageNothing(string secret, int minutesOff, string? signedUri)
    {
        using var response = await HubSpotWebhookSender.PostAsync(
            _gateway.Client, HubSpotWebhookSender.Creation("1002"), secret, DateTimeOffset.UtcNow.AddMinutes(minutesOff), signedUri: signedUri);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await _gateway.Services.GetRequiredService<IStagingQueue>().CountAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task ASignatureOverTheUriWithItsQuery_IsAccepted_AndAnUnsignedDelivery_IsNot()
    {
        var body = HubSpotWebhookSender.Creation("1011");

        using var withQuery = await HubSpotWebhookSender.PostAsync(_gateway.Client, body, path: "/webhooks/hubspot?portal=62515&app=54321");
        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/webhooks/hubspot") { Content = new StringContent(body) };
        using var missing = await _gateway.Client.SendAsync(unsigned);

        withQuery.StatusCode.ShouldBe(HttpStatusCode.Accepted, await withQuery.Content.ReadAsStringAsync());
        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("{\"eventId\":1}")]
    [InlineData("not json")]
    public async Task ASignedButMalformedBody_Is400(string body)
    {
        using var response = await HubSpotWebhookSender.PostAsync(_gateway.Client, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ADelivery_WithAByteOrderMarkAndAnElementThatIsNoEvent_StagesItsEvent()
    {
        const string body = "\uFEFF[5, {\"eventId\":772,\"objectId\":1008,\"occurredAt\":1764936000001,\"subscriptionType\":\"contact.creation\"}]";

        using var response = await HubSpotWebhookSender.PostAsync(_gateway.Client, body);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task ABodyOver1MB_Is413()
    {
        var body = "[" + string.Join(',', Enumerable.Repeat("""{"eventId":1,"objectId":1002,"subscriptionType":"contact.deletion","occurredAt":1}""", 14_000)) + "]";

        using var response = await HubSpotWebhookSender.PostAsync(_gateway.Client, body);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A207_RetriesOnlyTheFailedContact_AndBothEndWritten()
    {
        HubSpot.Faults.FailIds = ["1002"];
        using var response = await HubSpotWebhookSender.PostAsync(_gateway.Client, HubSpotWebhookSender.Creation("1002", "1005"));
        await Eventually.TrueAsync(() => HubSpot.Writes.Count >= 1, "the first write-back");
        HubSpot.Faults.FailIds = null;

        await Eventually.TrueAsync(() => HubSpot.GetContact("1002")!.Properties.ContainsKey("jobtitle"), "the retried contact to be written", TimeSpan.FromSeconds(20));
        var status = await PipelineProbe.WaitForRunAsync(_gateway.Client);

        HubSpot.Writes[0].Ids.Order().ShouldBe(["1002", "1005"]);
        HubSpot.Writes.Skip(1).SelectMany(w => w.Ids).ShouldAllBe(id => id == "1002");
        status.GetProperty("staged").GetInt64().ShouldBe(0);
        status.GetProperty("deadLetters").GetInt64().ShouldBe(0);

        // The retry came due within the run's wait, so both contacts are one run's, not a run each.
        var run = status.GetProperty("runs").EnumerateArray().ShouldHaveSingleItem();
        run.GetProperty("processed").GetInt64().ShouldBe(2);
        run.GetProperty("enriched").GetInt64().ShouldBe(2);
        run.GetProperty("failed").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task ADailyLimit_LeavesTheContactStaged_WithoutSpendingAnAttempt()
    {
        HubSpot.Faults.DailyLimitReached = true;

        using var response = await HubSpotWebhookSender.PostAsync(_gateway.Client, HubSpotWebhookSender.Creation("1002"));
        await Eventually.TrueAsync(() => HubSpot.Calls.Total > 0, "the worker to try HubSpot");
        await PipelineProbe.WaitForIdleRunAsync(_gateway.Client);

        var queue = _gateway.Services.GetRequiredService<IStagingQueue>();
        (await queue.CountAsync(CancellationToken.None)).ShouldBe(1);
        (await _gateway.Services.GetRequiredService<IDeadLetterStore>().CountAsync(CancellationToken.None)).ShouldBe(0);
        HubSpot.Writes.ShouldBeEmpty();
    }
}
