using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.AgentDesktop;

/// <summary><c>GET /v1/profiles/{id}</c> through the real gateway, the real store and the Segment simulator.</summary>
public sealed class ProfileTests(DesktopGateway gateway) : IClassFixture<DesktopGateway>
{
    [Fact]
    public async Task Profile_OfAnIdentifiedCustomer_MergesIdentityTraitsEnrichmentAndTheCdpsTraits()
    {
        var profileId = await gateway.IdentifyAsync($$$"""{"userId":"{{{SegmentSimulator.JaneDoeUserId}}}","traits":{"email":"jane.profile@acme.test","crmId":"003PROFILE0001","name":"Jane Doe","tier":"gold"}}""");
        var observed = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
        await gateway.Server.Services.GetRequiredService<IEnrichedContactStore>().UpsertAsync(
            [new EnrichedContact("003PROFILE0001", observed)
            {
                CompanyName = "Acme Corp",
                EmployeeCount = 1200,
                TechStack = ["salesforce", "segment"],
                Provenance = [new FieldProvenance("companyName", "clearbit", 0.95, observed), new FieldProvenance("employeeCount", "zoominfo", 0.8, observed), new FieldProvenance("techStack", "clearbit", 0.9, observed)],
            }],
            CancellationToken.None);

        var (status, _, body) = await gateway.ProfileAsync(profileId);

        status.ShouldBe(200, body.ToString());
        body.GetProperty("profileId").GetString().ShouldBe(profileId);
        body.GetProperty("stale").GetBoolean().ShouldBeFalse();
        var identifiers = body.GetProperty("identifiers").EnumerateArray().Select(i => (i.GetProperty("type").GetString(), i.GetProperty("value").GetString())).ToList();
        identifiers.ShouldContain(("userId", SegmentSimulator.JaneDoeUserId));
        identifiers.ShouldContain(("crmId", "003PROFILE0001"));
        identifiers.ShouldContain(("email", null), "emails stay hashed in the graph");
        body.GetProperty("traits").GetProperty("tier").GetString().ShouldBe("gold");
        var company = body.GetProperty("enrichment").GetProperty("companyName");
        (company.GetProperty("value").GetString(), company.GetProperty("source").GetString(), company.GetProperty("confidence").GetDouble()).ShouldBe(("Acme Corp", "clearbit", 0.95));
        body.GetProperty("enrichment").GetProperty("employeeCount").GetProperty("source").GetString().ShouldBe("zoominfo");
        body.GetProperty("enrichment").GetProperty("techStack").GetProperty("value").GetArrayLength().ShouldBe(2);
        var cdp = body.GetProperty("cdp");
        cdp.GetProperty("status").GetString().ShouldBe("found");
        cdp.GetProperty("traits").GetProperty("tier").GetString().ShouldBe("PLATINUM");
    }

    [Fact]
    public async Task Profile_IsCachedUntilRefreshIsAsked()
    {
        const string userId = "CUST-CACHE-01";
        gateway.Segment.SetTraits(userId, new Dictionary<string, string> { ["tier"] = "SILVER" });
        var profileId = await gateway.IdentifyAsync($$$"""{"userId":"{{{userId}}}","traits":{"name":"Cache Person"}}""");

        var first = await gateway.ProfileAsync(profileId);
        gateway.Segment.SetTraits(userId, new Dictionary<string, string> { ["tier"] = "GOLD" });
        var cached = await gateway.ProfileAsync(profileId);
        var refreshed = await gateway.ProfileAsync(profileId, refresh: true);

        first.Body.GetProperty("cdp").GetProperty("traits").GetProperty("tier").GetString().ShouldBe("SILVER");
        cached.Body.GetProperty("cdp").GetProperty("traits").GetProperty("tier").GetString().ShouldBe("SILVER", "the second read within Profiles:CacheSeconds is served from memory");
        cached.Body.GetProperty("fetchedAt").GetDateTimeOffset().ShouldBe(first.Body.GetProperty("fetchedAt").GetDateTimeOffset());
        refreshed.Body.GetProperty("cdp").GetProperty("traits").GetProperty("tier").GetString().ShouldBe("GOLD");
    }

    [Fact]
    public async Task Profile_ChangedInTheGraph_IsBuiltAgainAtOnce()
    {
        var profileId = await gateway.IdentifyAsync("""{"traits":{"email":"graph.change@acme.test","name":"Before"}}""");
        await gateway.ProfileAsync(profileId);

        await gateway.IdentifyAsync("""{"traits":{"email":"graph.change@acme.test","name":"After"}}""");
        var (_, _, body) = await gateway.ProfileAsync(profileId);

        body.GetProperty("traits").GetProperty("name").GetString().ShouldBe("After");
        body.GetProperty("cdp").GetProperty("status").GetString().ShouldBe("no_user_id");
    }

    [Fact]
    public async Task Profile_WhenTheCdpFails_ServesTheLastCopyStale_AndWithoutOneSaysUnavailable_NeverA5xx()
    {
        const string known = "CUST-STALE-01";
        const string unseen = "CUST-STALE-02";
        gateway.Segment.SetTraits(known, new Dictionary<string, string> { ["tier"] = "BRONZE" });
        gateway.Segment.SetTraits(unseen, new Dictionary<string, string> { ["tier"] = "BRONZE" });
        var knownProfile = await gateway.IdentifyAsync($$$"""{"userId":"{{{known}}}","traits":{"name":"Stale Known"}}""");
        var unseenProfile = await gateway.IdentifyAsync($$$"""{"userId":"{{{unseen}}}","traits":{"name":"Stale Unseen"}}""");
        await gateway.ProfileAsync(knownProfile);

        gateway.Segment.Faults.FailStatus = 503;
        try
        {
            var stale = await gateway.ProfileAsync(knownProfile, refresh: true);
            var none = await gateway.ProfileAsync(unseenProfile);

            stale.Status.ShouldBe(200);
            stale.Body.GetProperty("stale").GetBoolean().ShouldBeTrue();
            stale.Body.GetProperty("cdp").GetProperty("traits").GetProperty("tier").GetString().ShouldBe("BRONZE");
            none.Status.ShouldBe(200);
            none.Body.GetProperty("stale").GetBoolean().ShouldBeTrue();
            none.Body.GetProperty("cdp").GetProperty("status").GetString().ShouldBe("unavailable");
        }
        finally
        {
            gateway.Segment.Faults.Reset();
        }

        var recovered = await gateway.ProfileAsync(knownProfile, refresh: true);
        recovered.Body.GetProperty("stale").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Profile_MasksSsnsCardNumbersAndConfiguredFields_InEverySection()
    {
        var profileId = await gateway.IdentifyAsync($$$"""{"userId":"{{{SegmentSimulator.SensitiveUserId}}}","traits":{"name":"Sam","note":"ssn 987-65-4321","secret_word":"swordfish","card":"3782 822463 10005"}}""");

        var (status, text, body) = await gateway.ProfileAsync(profileId);

        status.ShouldBe(200);
        var cdp = body.GetProperty("cdp").GetProperty("traits");
        cdp.GetProperty("ssn").GetString().ShouldBe("***-**-6789");
        cdp.GetProperty("card_on_file").GetString().ShouldBe("************1111");
        cdp.GetProperty("support_phone").GetString().ShouldBe("+1 415 555 0123", "a phone number is not a card");
        body.GetProperty("traits").GetProperty("secret_word").GetString().ShouldBe("***");
        body.GetProperty("traits").GetProperty("note").GetString().ShouldBe("ssn ***-**-4321");
        foreach (var raw in new[] { "123-45-6789", "4111 1111 1111 1111", "5555-5555-5555-4444", "987-65-4321", "swordfish", "822463" })
        {
            text.ShouldNotContain(raw);
        }
    }

    [Fact]
    public async Task Profile_MasksSsnsAndCardNumbersInIdentifierValues()
    {
        // Ids are whatever a caller sends: a card number pasted as a user id, an SSN as a CRM id.
        var profileId = await gateway.IdentifyAsync("""{"userId":"4111111111111111","traits":{"crmId":"123-45-6789"}}""");

        var (status, text, body) = await gateway.ProfileAsync(profileId);
        var cached = await gateway.ProfileAsync(profileId);

        status.ShouldBe(200, text);
        var identifiers = body.GetProperty("identifiers").EnumerateArray().ToDictionary(i => i.GetProperty("type").GetString()!, i => i.GetProperty("value").GetString());
        identifiers["userId"].ShouldBe("************1111");
        identifiers["crmId"].ShouldBe("***-**-6789");
        foreach (var raw in new[] { "4111111111111111", "123-45-6789" })
        {
            text.ShouldNotContain(raw);
            cached.Text.ShouldNotContain(raw);
        }
    }

    [Fact]
    public async Task Profile_UnknownOrMalformedIds_AndBadPurposes_AreClearErrors()
    {
        var unknown = await gateway.ProfileAsync("no-such-profile");
        var malformed = await gateway.ProfileAsync("bad%20id%3B");
        var profileId = await gateway.IdentifyAsync("""{"traits":{"email":"purpose.check@acme.test"}}""");
        var longPurpose = await gateway.ProfileAsync(profileId, purpose: new string('p', 201));

        unknown.Status.ShouldBe(404);
        malformed.Status.ShouldBe(400);
        malformed.Body.GetProperty("field").GetString().ShouldBe("profileId");
        longPurpose.Status.ShouldBe(400);
        longPurpose.Body.GetProperty("field").GetString().ShouldBe("X-Purpose");
    }

    [Fact]
    public async Task EveryRead_IsAudited_WithTheKeyIdAndPurpose_CachedReadsToo()
    {
        var profileId = await gateway.IdentifyAsync("""{"traits":{"email":"audited.reader@acme.test"}}""");

        await gateway.ProfileAsync(profileId, purpose: "inbound call 42");
        await gateway.ProfileAsync(profileId, purpose: "after-call work");
        var audit = await gateway.Server.Client.GetFromJsonAsync<JsonElement>($"/v1/audit?profileId={profileId}");

        var entries = audit.GetProperty("entries").EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("purpose").GetString()).ShouldBe(["after-call work", "inbound call 42"]);
        entries.ShouldAllBe(e => e.GetProperty("action").GetString() == "profile.read" && e.GetProperty("subject").GetString() == profileId && e.GetProperty("actor").GetString() == "open");
    }

    [Fact]
    public async Task Audit_KeepsNoEmailOrPhoneAPurposeNamed()
    {
        var profileId = await gateway.IdentifyAsync("""{"traits":{"email":"purpose.pii@acme.test"}}""");

        await gateway.ProfileAsync(profileId, purpose: "callback to Purpose.PII@acme.test or (415) 555-0134, ticket 42");
        var audit = await gateway.Server.Client.GetFromJsonAsync<JsonElement>($"/v1/audit?profileId={profileId}");

        // Erasure leaves the audit log as it is, so the log must never hold the subject's contact details.
        audit.GetProperty("entries")[0].GetProperty("purpose").GetString().ShouldBe("callback to [email] or [phone], ticket 42");
    }

    [Fact]
    public async Task Audit_RefusesBadQueries()
    {
        using var badLimit = await gateway.Server.Client.GetAsync("/v1/audit?limit=0");
        using var badId = await gateway.Server.Client.GetAsync("/v1/audit?profileId=%27%20OR%201%3D1");

        ((int)badLimit.StatusCode).ShouldBe(400);
        ((int)badId.StatusCode).ShouldBe(400);
    }
}
