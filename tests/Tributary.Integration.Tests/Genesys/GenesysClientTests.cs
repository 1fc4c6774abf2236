using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tributary.Host.Genesys;
using Tributary.IntegrationTests.Connectors;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Genesys;

/// <summary>The Genesys Cloud client against the Genesys simulator over loopback HTTP, on a fake clock.</summary>
public sealed class GenesysClientTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> Attributes = new() { ["enrich.name"] = "Jane Doe", ["enrich.source"] = "clearbit", ["enrich.confidence"] = "0.92" };

    [Fact]
    public async Task Patch_ManyCalls_ShareOneToken_AndMergeStringAttributes()
    {
        await using var genesys = await GenesysHarness.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            genesys.PatchSampleAsync(new Dictionary<string, string> { [$"enrich.key{i % 4}"] = $"value{i}" })));

        results.ShouldAllBe(r => r.Outcome == GenesysOutcome.Done);
        genesys.Simulator.TokenRequests.ShouldBe(1);
        genesys.Simulator.AttributeWrites.Count.ShouldBe(40);
        genesys.Simulator.AttributeWrites.ShouldAllBe(w => w.Status == 202);
        var merged = genesys.Simulator.GetAttributes(GenesysSimulator.SampleConversationId, GenesysSimulator.SampleParticipantId)!;
        merged.Keys.Order().ShouldBe(["enrich.key0", "enrich.key1", "enrich.key2", "enrich.key3"]);
    }

    [Fact]
    public async Task Patch_WhenTheTokenExpires_GetsANewTokenAndRetriesOnce()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();

        genesys.Simulator.Faults.TokenExpired = true;
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();
        genesys.Simulator.TokenRequests.ShouldBe(2);

        genesys.Simulator.ExpireTokens();
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();
        genesys.Simulator.TokenRequests.ShouldBe(3);
        genesys.Simulator.AttributeWrites.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Token_IsRenewedSixtySecondsBeforeExpiry_NotBefore()
    {
        await using var genesys = await GenesysHarness.StartAsync(simulatorOptions: new SimulatorOptions { GenesysTokenLifetime = TimeSpan.FromHours(1) });
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();

        genesys.Time.Advance(TimeSpan.FromMinutes(58));
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();
        genesys.Simulator.TokenRequests.ShouldBe(1);

        genesys.Time.Advance(TimeSpan.FromSeconds(61));
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();
        genesys.Simulator.TokenRequests.ShouldBe(2);
    }

    [Fact]
    public async Task Token_OfAShortLifetime_IsStillRenewedSixtySecondsBeforeExpiry()
    {
        await using var genesys = await GenesysHarness.StartAsync(simulatorOptions: new SimulatorOptions { GenesysTokenLifetime = TimeSpan.FromSeconds(65) });
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();

        genesys.Time.Advance(TimeSpan.FromSeconds(4));
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();
        genesys.Simulator.TokenRequests.ShouldBe(1);

        genesys.Time.Advance(TimeSpan.FromSeconds(2));
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();
        genesys.Simulator.TokenRequests.ShouldBe(2);
    }

    [Fact]
    public async Task Patch_WhenTheClientIsRevoked_FailsWithoutRetrying()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();
        genesys.Simulator.Faults.TokenRevoked = true;
        var calls = genesys.Simulator.Calls.Total;

        var result = await genesys.PatchSampleAsync(Attributes);

        result.Outcome.ShouldBe(GenesysOutcome.Failed);
        result.Reason!.ShouldStartWith("login_refused");
        genesys.Simulator.TokenRequests.ShouldBe(2);
        (genesys.Simulator.Calls.Total - calls).ShouldBe(2, "one refused API call, one refused login");
    }

    [Fact]
    public async Task Patch_WhenTheApiRefusesEvenAFreshToken_CountsBothRequestsAsAttempts()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        genesys.Simulator.FailConversation(GenesysSimulator.SampleConversationId, 401);

        var result = await genesys.PatchSampleAsync(Attributes);

        result.Outcome.ShouldBe(GenesysOutcome.Failed);
        result.Reason!.ShouldStartWith("unauthorized");
        genesys.Simulator.TokenRequests.ShouldBe(2);
        genesys.Simulator.AttributeWrites.Count.ShouldBe(2);
        result.Attempts.ShouldBe(2, "the PATCH with a fresh token is an attempt too");
    }

    [Fact]
    public async Task Patch_On429_WaitsRetryAfter_ThenSucceeds()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();
        var calls = genesys.Simulator.Calls.Total;
        genesys.Simulator.Faults.RetryAfterSeconds = 30;
        genesys.Simulator.Faults.TooManyRequests = true;

        var call = genesys.PatchSampleAsync(Attributes);

        // The simulator counts a call when it arrives and its status once answered: the faults may only be lifted after
        // the 429 went out, or the call could be answered 200 instead.
        await Eventually.TrueAsync(() => genesys.Simulator.Statuses["429"] == 1, "the 429");
        genesys.Simulator.Faults.Reset();
        var (result, waited) = await genesys.AdvanceUntilDoneAsync(call);

        result.IsDone.ShouldBeTrue();
        waited.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        waited.ShouldBeLessThan(TimeSpan.FromSeconds(40));
        (genesys.Simulator.Calls.Total - calls).ShouldBe(2);
    }

    [Fact]
    public async Task Patch_On429BeyondTheCeiling_FailsAtOnce()
    {
        await using var genesys = await GenesysHarness.StartAsync(new Dictionary<string, string?> { ["Genesys:MaxRetryAfterSeconds"] = "60" });
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();
        var calls = genesys.Simulator.Calls.Total;
        genesys.Simulator.Faults.RetryAfterSeconds = 600;
        genesys.Simulator.Faults.TooManyRequests = true;

        var result = await genesys.PatchSampleAsync(Attributes);

        result.Outcome.ShouldBe(GenesysOutcome.Failed);
        result.StatusCode.ShouldBe(429);
        result.Reason!.ShouldContain("a wait of 600 s (Retry-After, else inin-ratelimit-reset) is over Genesys:MaxRetryAfterSeconds");
        result.Reason!.ShouldContain("too.many.requests");
        (genesys.Simulator.Calls.Total - calls).ShouldBe(1);
    }

    [Fact]
    public async Task Patch_WhenTheConversationIsGone_ReturnsGone_AfterOneCall()
    {
        await using var genesys = await GenesysHarness.StartAsync();

        var unknown = await genesys.Client.PatchParticipantAttributesAsync("c0ffee00-0000-4000-8000-000000000001", "p-1", Attributes, CancellationToken.None);
        unknown.Outcome.ShouldBe(GenesysOutcome.Gone);

        genesys.Simulator.Faults.ConversationNotFound = true;
        var ended = await genesys.PatchSampleAsync(Attributes);
        ended.Outcome.ShouldBe(GenesysOutcome.Gone);
        ended.StatusCode.ShouldBe(404);
        genesys.Simulator.AttributeWrites.Select(w => w.Status).ShouldBe([404, 404]);
    }

    [Fact]
    public async Task Patch_On5xx_RetriesWithExponentialBackoff_ThenFails()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();
        var calls = genesys.Simulator.Calls.Total;
        genesys.Simulator.Faults.FailStatus = 503;

        var (result, waited) = await genesys.AdvanceUntilDoneAsync(genesys.PatchSampleAsync(Attributes));

        result.Outcome.ShouldBe(GenesysOutcome.Failed);
        result.StatusCode.ShouldBe(503);
        result.Reason!.ShouldStartWith("http_503");
        (genesys.Simulator.Calls.Total - calls).ShouldBe(5, "Genesys:MaxAttempts");
        waited.ShouldBeInRange(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(20), "1 + 2 + 4 + 8 s of backoff");
    }

    [Fact]
    public async Task Patch_On5xxThenRecovery_Succeeds()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();
        genesys.Simulator.Faults.FailStatus = 502;
        var calls = genesys.Simulator.Calls.Total;

        var call = genesys.PatchSampleAsync(Attributes);
        await Eventually.TrueAsync(() => genesys.Simulator.Calls.Total == calls + 1, "the 502");
        genesys.Simulator.Faults.Reset();
        var (result, _) = await genesys.AdvanceUntilDoneAsync(call);

        result.IsDone.ShouldBeTrue();
        genesys.Simulator.AttributeWrites.Count(w => w.Status == 202).ShouldBe(2);
    }

    [Fact]
    public async Task Patch_WhenTheConnectionResets_RetriesThenFailsAsANetworkError()
    {
        await using var genesys = await GenesysHarness.StartAsync(new Dictionary<string, string?> { ["Genesys:MaxAttempts"] = "2" });
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();
        genesys.Simulator.Faults.ConnectionReset = true;

        var (result, _) = await genesys.AdvanceUntilDoneAsync(genesys.PatchSampleAsync(Attributes));

        result.Outcome.ShouldBe(GenesysOutcome.Failed);
        result.Reason!.ShouldStartWith("network_error");
    }

    [Fact]
    public async Task Pacing_UnderAnEnforcedPerTokenLimit_WaitsForTheWindow_AndIsNeverThrottled()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();
        genesys.Simulator.Faults.PerMinuteLimit = 5;
        genesys.Simulator.ClearWrites();

        for (var i = 0; i < 12; i++)
        {
            var (result, _) = await genesys.AdvanceUntilDoneAsync(genesys.PatchSampleAsync(Attributes));
            result.IsDone.ShouldBeTrue();
        }

        // 12 writes at 5 a minute: every one accepted at the first attempt, none answered 429.
        genesys.Simulator.AttributeWrites.Count.ShouldBe(12);
        genesys.Simulator.Calls.Total.ShouldBe(1 + 1 + 12, "the first write, its token, then one call per write");
    }

    [Fact]
    public async Task ExternalContacts_CreateSearchUpdate_RoundTrip()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var contact = new GenesysExternalContact
        {
            FirstName = "Jane",
            LastName = "Doe",
            Title = "VP of Engineering",
            WorkEmail = "jane.doe@acme.com",
            CellPhone = new GenesysPhoneNumber { E164 = "+13175550123", Display = "+1 317-555-0123" },
        };

        var created = await genesys.Client.CreateExternalContactAsync(contact, CancellationToken.None);
        created.IsDone.ShouldBeTrue();
        created.Value!.Id.ShouldNotBeNullOrEmpty();

        var found = await genesys.Client.SearchExternalContactsAsync("+13175550123", CancellationToken.None);
        found.Value!.Single().Id.ShouldBe(created.Value.Id);
        (await genesys.Client.SearchExternalContactsAsync("+13175550199", CancellationToken.None)).Value!.ShouldBeEmpty();

        var updated = await genesys.Client.UpdateExternalContactAsync(created.Value.Id!, found.Value!.Single() with { Title = "CTO" }, CancellationToken.None);
        updated.Value!.Title.ShouldBe("CTO");
        updated.Value.CellPhone!.E164.ShouldBe("+13175550123");

        var gone = await genesys.Client.UpdateExternalContactAsync("missing", contact, CancellationToken.None);
        gone.Outcome.ShouldBe(GenesysOutcome.Gone);
        genesys.Simulator.ExternalContactWrites.Select(w => (w.Method, w.Status)).ShouldBe([("POST", 200), ("PUT", 200), ("PUT", 404)]);
        genesys.Simulator.ExternalContactWrites[0].Body.ShouldNotContain("\"id\"");
    }

    [Fact]
    public async Task Login_Answering429WithRetryAfter_IsAskedAgainOnlyOnceThatHasPassed()
    {
        var logins = new List<TimeSpan>();
        GenesysHarness? harness = null;
        await using var stub = await StubApi.StartAsync(app =>
        {
            app.MapPost("/oauth/token", (HttpResponse response) =>
            {
                lock (logins)
                {
                    logins.Add(harness!.Time.GetUtcNow() - Start);
                    if (logins.Count == 1)
                    {
                        response.Headers.RetryAfter = "7";
                        return Results.StatusCode(429);
                    }
                }

                return Results.Text("""{"access_token":"stub-token","token_type":"bearer","expires_in":86399}""", "application/json");
            });
            app.MapPatch("/api/v2/conversations/{conversation}/participants/{participant}/attributes", () => Results.StatusCode(202));
        });
        await using var genesys = harness = await GenesysHarness.StartAsync(new Dictionary<string, string?> { ["Genesys:BaseUrl"] = stub.BaseUrl, ["Genesys:LoginUrl"] = stub.BaseUrl });

        var (result, _) = await genesys.AdvanceUntilDoneAsync(genesys.PatchSampleAsync(Attributes));

        result.IsDone.ShouldBeTrue(result.Reason);
        logins.Count.ShouldBe(2);
        logins[1].ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task ExternalContacts_MembersOfUnexpectedTypes_AndWritesAnsweredWithoutABody_AreAccepted()
    {
        // Another Genesys than the simulator: numbers where text is documented, a flag as text, an epoch date, and
        // writes answered 204 with no body.
        await using var stub = await StubApi.StartAsync(app =>
        {
            app.MapPost("/oauth/token", () => Results.Text("""{"access_token":"stub-token","token_type":"bearer","expires_in":86399}""", "application/json"));
            app.MapGet("/api/v2/externalcontacts/contacts", () => Results.Text("""
                {"entities":[{"id":"c-1","firstName":"Jane","cellPhone":{"e164":"+13175550123","countryCode":1,"acceptsSMS":"true"},
                  "createDate":1700000000000,"customFields":{"tier":3}}],"pageSize":"25","pageNumber":1,"total":"1"}
                """, "application/json"));
            app.MapPost("/api/v2/externalcontacts/contacts", () => Results.StatusCode(204));
            app.MapPut("/api/v2/externalcontacts/contacts/{id}", () => Results.Text("not json", "text/plain"));
        });
        await using var genesys = await GenesysHarness.StartAsync(new Dictionary<string, string?> { ["Genesys:BaseUrl"] = stub.BaseUrl, ["Genesys:LoginUrl"] = stub.BaseUrl });

        var found = await genesys.Client.SearchExternalContactsAsync("+13175550123", CancellationToken.None);
        var created = await genesys.Client.CreateExternalContactAsync(new GenesysExternalContact { FirstName = "Jane" }, CancellationToken.None);
        var updated = await genesys.Client.UpdateExternalContactAsync("c-1", found.Value!.Single(), CancellationToken.None);

        found.IsDone.ShouldBeTrue();
        var contact = found.Value!.Single();
        contact.CellPhone!.CountryCode.ShouldBe("1");
        contact.CellPhone.AcceptsSms.ShouldBe(true);
        contact.CreateDate.ShouldBe("1700000000000");
        created.IsDone.ShouldBeTrue();
        updated.IsDone.ShouldBeTrue();
    }

    [Fact]
    public async Task ExternalContacts_MalformedAnswer_FailsWithAReason()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();
        genesys.Simulator.Faults.MalformedJson = true;

        var result = await genesys.Client.SearchExternalContactsAsync("+13175550123", CancellationToken.None);

        result.Outcome.ShouldBe(GenesysOutcome.Failed);
        result.Reason!.ShouldStartWith("malformed_response");
    }
}
