using System.Text.Json;

namespace Tributary.IntegrationTests.Identity;

/// <summary>Identify, resolve and unmerge through the gateway, over the real store.</summary>
public sealed class IdentityResolutionTests(IdentityGateway gateway) : IClassFixture<IdentityGateway>
{
    [Fact]
    public async Task Resolve_ByAnEmailLinkedToOneProfile_IsDeterministic_WithTheSummary()
    {
        var profileId = await gateway.IdentifyAsync("""{"userId":"cdp-jane","traits":{"email":"Jane.Doe@Acme.com","name":"Jane Doe","company":"Acme","tier":"gold"}}""");

        var (status, body) = await gateway.CallAsync("resolve", """{"email":"  jane.doe@ACME.com "}""");

        status.ShouldBe(200);
        body.GetProperty("profileId").GetString().ShouldBe(profileId);
        body.GetProperty("match").GetString().ShouldBe("deterministic");
        body.GetProperty("confidence").GetDouble().ShouldBe(1);
        body.GetProperty("action").GetString().ShouldBe("proceed");
        var evidence = body.GetProperty("evidence").EnumerateArray().Single();
        (evidence.GetProperty("type").GetString(), evidence.GetProperty("profiles").GetInt32(), evidence.GetProperty("matched").GetBoolean()).ShouldBe(("email", 1, true));
        var summary = body.GetProperty("summary");
        summary.GetProperty("name").GetString().ShouldBe("Jane Doe");
        summary.GetProperty("tier").GetString().ShouldBe("gold");
        summary.TryGetProperty("email", out _).ShouldBeFalse("identifiers are hashed in the graph, not kept as traits");
    }

    [Fact]
    public async Task Resolve_Summary_MasksSsnsAndCardNumbersInTraits()
    {
        await gateway.IdentifyAsync("""{"traits":{"email":"masked.summary@acme.test","name":"Masked Summary","ssn":"123-45-6789","notes":"card 4111-1111-1111-1111 on file"}}""");

        var (status, body) = await gateway.CallAsync("resolve", """{"email":"masked.summary@acme.test"}""");

        status.ShouldBe(200);
        var summary = body.GetProperty("summary");
        summary.GetProperty("ssn").GetString().ShouldBe("***-**-6789");
        summary.GetProperty("notes").GetString().ShouldBe("card ************1111 on file");
        summary.GetProperty("name").GetString().ShouldBe("Masked Summary");
    }

    [Fact]
    public async Task Resolve_ByAHouseholdPhone_IsProbabilistic_AndAsksToVerify()
    {
        var ann = await gateway.IdentifyAsync("""{"traits":{"email":"ann@household.example","phone":"+44 20 7946 0011","name":"Ann Smith","company":"Globex"}}""");
        var bob = await gateway.IdentifyAsync("""{"traits":{"email":"bob@household.example","phone":"+442079460011","name":"Bob Smith","company":"Initech"}}""");

        var (_, phoneOnly) = await gateway.CallAsync("resolve", """{"phone":"+44 (0)20 7946 0011"}""");
        var (_, withName) = await gateway.CallAsync("resolve", """{"phone":"+442079460011","name":"bob smith","company":"INITECH"}""");

        phoneOnly.GetProperty("match").GetString().ShouldBe("probabilistic");
        phoneOnly.GetProperty("action").GetString().ShouldBe("verify");
        phoneOnly.GetProperty("confidence").GetDouble().ShouldBe(0.475);
        phoneOnly.GetProperty("profileId").GetString().ShouldBe(bob, "on equal evidence the most recently linked profile");
        phoneOnly.GetProperty("evidence")[0].GetProperty("profiles").GetInt32().ShouldBe(2);
        withName.GetProperty("profileId").GetString().ShouldBe(bob);
        withName.GetProperty("confidence").GetDouble().ShouldBeInRange(0.475, 0.9);
        withName.GetProperty("action").GetString().ShouldBe("verify");
        ann.ShouldNotBe(bob);
    }

    [Fact]
    public async Task Resolve_ByAPhoneOfOneProfile_IsProbabilistic_AboveTheThreshold()
    {
        var profileId = await gateway.IdentifyAsync("""{"traits":{"email":"solo@phone.example","phone":"+33 1 42 68 53 00"}}""");

        var (_, body) = await gateway.CallAsync("resolve", """{"phone":"+33142685300"}""");

        body.GetProperty("profileId").GetString().ShouldBe(profileId);
        body.GetProperty("match").GetString().ShouldBe("probabilistic");
        body.GetProperty("confidence").GetDouble().ShouldBe(0.95);
        body.GetProperty("action").GetString().ShouldBe("proceed");
    }

    [Fact]
    public async Task Resolve_Unknown_IsAGuest()
    {
        var (status, body) = await gateway.CallAsync("resolve", """{"email":"nobody@unknown.example","crmId":"003-none"}""");

        status.ShouldBe(200);
        body.GetProperty("profileId").GetString().ShouldBe("");
        body.GetProperty("match").GetString().ShouldBe("guest");
        body.GetProperty("action").GetString().ShouldBe("guest");
        body.GetProperty("confidence").GetDouble().ShouldBe(0);
        body.GetProperty("summary").EnumerateObject().ShouldBeEmpty();
        body.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("profiles").GetInt32()).ShouldBe([0, 0]);
    }

    [Fact]
    public async Task Identify_ABlockedValue_NeverLinks_WhateverItsFormat()
    {
        var (status, body) = await gateway.CallAsync("identify", $$$"""{"traits":{"email":"desk-user@acme.example","phone":"{{{IdentityGateway.DeskPhone}}}"}}""");
        var (_, resolved) = await gateway.CallAsync("resolve", """{"phone":"+14155550100"}""");
        var (allBlocked, problem) = await gateway.CallAsync("identify", """{"traits":{"email":" TEST@example.com"}}""");

        status.ShouldBe(200);
        body.GetProperty("linked").EnumerateArray().Select(e => e.GetString()).ShouldBe(["email"]);
        body.GetProperty("ignored")[0].GetProperty("type").GetString().ShouldBe("phone");
        body.GetProperty("ignored")[0].GetProperty("reason").GetString().ShouldBe("blocked");
        resolved.GetProperty("match").GetString().ShouldBe("guest");
        resolved.GetProperty("evidence")[0].GetProperty("blocked").GetBoolean().ShouldBeTrue();
        allBlocked.ShouldBe(422);
        problem.GetProperty("detail").GetString()!.ShouldContain("Identity:BlockedValues");
    }

    [Fact]
    public async Task Identify_ATestAddressSharedByTwoUsers_LinksNothingNew_AndSaysWhy()
    {
        var first = await gateway.IdentifyAsync("""{"userId":"user-qa-1","traits":{"email":"qa-shared@acme.example"}}""");

        var (status, problem) = await gateway.CallAsync("identify", """{"userId":"user-qa-2","traits":{"email":"qa-shared@acme.example","phone":"+1 212 555 0199"}}""");
        var (_, byUser) = await gateway.CallAsync("resolve", """{"userId":"user-qa-2"}""");
        var (_, byPhone) = await gateway.CallAsync("resolve", """{"phone":"+12125550199"}""");

        status.ShouldBe(409);
        problem.GetProperty("detail").GetString()!.ShouldContain("Identity:Limits:userId is 1");
        problem.GetProperty("field").GetString().ShouldBe("userId");
        problem.GetProperty("profileId").GetString().ShouldBe(first);
        byUser.GetProperty("match").GetString().ShouldBe("guest");
        byPhone.GetProperty("match").GetString().ShouldBe("guest");
    }

    [Fact]
    public async Task Identify_PastThePhoneLimit_LinksNothingNew()
    {
        var profileId = await gateway.IdentifyAsync("""{"traits":{"crmId":"003-phones","phone":"+1 646 555 0101"}}""");
        await gateway.IdentifyAsync("""{"traits":{"crmId":"003-phones","phone":"+1 646 555 0102"}}""");

        var (status, problem) = await gateway.CallAsync("identify", """{"traits":{"crmId":"003-phones","phone":"+1 646 555 0103","tier":"silver"}}""");
        var (_, third) = await gateway.CallAsync("resolve", """{"phone":"+16465550103"}""");
        var (_, profile) = await gateway.CallAsync("resolve", """{"crmId":"003-phones"}""");

        status.ShouldBe(409);
        problem.GetProperty("detail").GetString()!.ShouldContain("Identity:Limits:phone is 2");
        third.GetProperty("match").GetString().ShouldBe("guest");
        profile.GetProperty("profileId").GetString().ShouldBe(profileId);
        profile.GetProperty("summary").TryGetProperty("tier", out _).ShouldBeFalse("a refused identify changes nothing");
    }

    [Fact]
    public async Task Identify_StrongIdentifiersOfTwoProfiles_MergesThemIntoTheOlder()
    {
        var older = await gateway.IdentifyAsync("""{"traits":{"email":"merge-me@acme.example","name":"Old Name"}}""");
        var newer = await gateway.IdentifyAsync("""{"traits":{"crmId":"003-merge","tier":"platinum"}}""");

        var (status, body) = await gateway.CallAsync("identify", """{"traits":{"email":"merge-me@acme.example","crmId":"003-merge","name":"New Name"}}""");
        var (_, byCrm) = await gateway.CallAsync("resolve", """{"crmId":"003-merge"}""");

        status.ShouldBe(200);
        body.GetProperty("profileId").GetString().ShouldBe(older);
        body.GetProperty("merged").EnumerateArray().Select(e => e.GetString()).ShouldBe([newer]);
        byCrm.GetProperty("profileId").GetString().ShouldBe(older);
        byCrm.GetProperty("match").GetString().ShouldBe("deterministic");
        byCrm.GetProperty("summary").GetProperty("name").GetString().ShouldBe("New Name");
        byCrm.GetProperty("summary").GetProperty("tier").GetString().ShouldBe("platinum");
    }

    [Fact]
    public async Task Unmerge_MovesTheIdentifierToAProfileOfItsOwn()
    {
        var profileId = await gateway.IdentifyAsync("""{"userId":"user-split","traits":{"email":"mine@split.example","name":"Kept Name"}}""");
        await gateway.IdentifyAsync("""{"userId":"user-split","traits":{"email":"not-mine@split.example"}}""");

        var (status, body) = await gateway.CallAsync("unmerge", $$$"""{"profileId":"{{{profileId}}}","identifier":{"type":"email","value":"Not-Mine@split.example"}}""");
        var (again, _) = await gateway.CallAsync("unmerge", $$$"""{"profileId":"{{{profileId}}}","identifier":{"type":"email","value":"not-mine@split.example"}}""");
        var (_, moved) = await gateway.CallAsync("resolve", """{"email":"not-mine@split.example"}""");
        var (_, kept) = await gateway.CallAsync("resolve", """{"email":"mine@split.example"}""");

        status.ShouldBe(200);
        var newProfileId = body.GetProperty("newProfileId").GetString();
        newProfileId.ShouldNotBe(profileId);
        again.ShouldBe(404);
        moved.GetProperty("profileId").GetString().ShouldBe(newProfileId);
        moved.GetProperty("summary").EnumerateObject().ShouldBeEmpty();
        kept.GetProperty("profileId").GetString().ShouldBe(profileId);
        kept.GetProperty("summary").GetProperty("name").GetString().ShouldBe("Kept Name");
    }

    [Fact]
    public async Task Resolve_Summary_StaysWithinTenKilobytes_DroppingLowerPriorityFieldsFirst()
    {
        // The answer writes non-ASCII text as it is (2 bytes an é): the cap counts the bytes as written, not escaped (6).
        var notes = new string('é', 1500);
        var traits = string.Join(",", Enumerable.Range(0, 6).Select(i => $"\"note{i}\":\"{notes}\""));
        await gateway.IdentifyAsync($$$"""{"traits":{"email":"big@summary.example","name":"Big Summary","jobTitle":"CTO",{{{traits}}}}}""");

        using var response = await gateway.PostAsync("resolve", """{"email":"big@summary.example"}""");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var summary = document.RootElement.GetProperty("summary");

        System.Text.Encoding.UTF8.GetByteCount(summary.GetRawText()).ShouldBeLessThanOrEqualTo(10240);
        summary.EnumerateObject().Select(p => p.Name).ShouldBe(["name", "jobTitle", "note0", "note1", "note2"]);
    }
}
