using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tributary.Identifiers;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Privacy;
using Tributary.Privacy;
using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Identity;

/// <summary>
/// <c>Identity:LinkOnEnrich</c> for real-time answers: a fresh match of <c>/v1/enrich</c> or <c>/v1/person/enrich</c>
/// links the person into the identity graph in the background, through the real gateway, store and provider simulators.
/// The link queue is first in, first out, so once a later answer is linked every earlier one has been handled: tests of
/// what must not link wait for such a later answer rather than for time to pass.
/// </summary>
public sealed class AnswerLinkTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private GatewayServer _gateway = null!;

    public async Task InitializeAsync() =>
        _gateway = await GatewayServer.StartAsync(services => services.AddSingleton<ILoggerProvider>(_logs), "--Logging:LogLevel:Default=Information");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Enrich_OfAKnownPerson_LinksTheirEmailAndTheAnswersPhone_ToOneProfile_WithTheAnswersTraits()
    {
        var answer = await EnrichAsync(_gateway, $$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""");
        var byEmail = await LinkedAsync(_gateway, $$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""");

        answer.GetProperty("source").GetString().ShouldNotBe("cache");
        var phone = answer.GetProperty("phone").GetString()!;
        phone.ShouldNotBeEmpty("the sample person has a phone");
        byEmail.GetProperty("match").GetString().ShouldBe("deterministic");
        byEmail.GetProperty("confidence").GetDouble().ShouldBe(1);
        var profileId = byEmail.GetProperty("profileId").GetString()!;
        profileId.ShouldNotBeEmpty();
        var byPhone = await ResolveAsync(_gateway, $$"""{"phone":"{{phone}}"}""");
        byPhone.GetProperty("profileId").GetString().ShouldBe(profileId);
        var summary = byEmail.GetProperty("summary");
        summary.GetProperty("name").GetString().ShouldBe("Jane Doe");
        summary.GetProperty("jobTitle").GetString().ShouldBe(SampleIdentifiers.JaneDoeTitle);
        summary.GetProperty("company").GetString().ShouldBe(SampleIdentifiers.AcmeName);
        summary.GetProperty("employeeCount").GetInt64().ShouldBe(500);
        summary.TryGetProperty("email", out _).ShouldBeFalse("emails are identifiers, hashed in the graph, not traits");
        summary.TryGetProperty("phone", out _).ShouldBeFalse("phones are identifiers, hashed in the graph, not traits");
        var byNameAndCompany = await ResolveAsync(_gateway, $$"""{"name":"Jane Doe","company":"{{SampleIdentifiers.AcmeName}}"}""");
        byNameAndCompany.GetProperty("profileId").GetString().ShouldBe(profileId, "name and company are linked as weak evidence");

        _logs.All.ShouldNotContain(SampleIdentifiers.JaneDoeEmail, Case.Insensitive);
        _logs.All.ShouldNotContain(phone);
    }

    [Fact]
    public async Task TheLinkedProfile_ShowsTheAnswersFields_WithTheirSourceAndConfidence()
    {
        var person = Known(9);
        var answer = await EnrichAsync(_gateway, $$"""{"email":"{{person.Email}}"}""", "/v1/person/enrich");
        var profileId = (await LinkedAsync(_gateway, $$"""{"email":"{{person.Email}}"}""")).GetProperty("profileId").GetString();

        var profile = await _gateway.Client.GetFromJsonAsync<JsonElement>($"/v1/profiles/{profileId}?refresh=true");

        var answered = answer.GetProperty("person").GetProperty("jobTitle");
        var jobTitle = profile.GetProperty("enrichment").GetProperty("jobTitle");
        jobTitle.GetProperty("value").GetString().ShouldBe(answered.GetProperty("value").GetString());
        jobTitle.GetProperty("source").GetString().ShouldBe(answered.GetProperty("source").GetString());
        jobTitle.GetProperty("confidence").GetDouble().ShouldBe(answered.GetProperty("confidence").GetDouble(), 0.001);
        profile.GetProperty("traits").TryGetProperty("$enrichment", out _).ShouldBeFalse();
        profile.GetProperty("enrichment").TryGetProperty("email", out _).ShouldBeFalse("emails are identifiers, hashed in the graph");
        var summary = (await ResolveAsync(_gateway, $$"""{"email":"{{person.Email}}"}""")).GetProperty("summary");
        summary.TryGetProperty("$enrichment", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task AnIdentify_WithATraitNamedLikeTheReservedOnes_Is400()
    {
        using var identify = await _gateway.Client.PostAsync(
            "/v1/identity/identify", Json("""{"traits":{"email":"someone@example.com","$enrichment":{"jobTitle":{"value":"forged"}}}}"""));

        identify.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await identify.Content.ReadAsStringAsync()).ShouldContain("reserved");
    }

    [Fact]
    public async Task PersonEnrich_OfAKnownPhone_LinksTheAnswersEmail()
    {
        var person = Known(1);

        var answer = await EnrichAsync(_gateway, $$"""{"phone":"{{person.Phone}}"}""", "/v1/person/enrich");
        var byEmail = await LinkedAsync(_gateway, $$"""{"email":"{{person.Email}}"}""");

        answer.GetProperty("providers").EnumerateArray().ShouldContain(p => p.GetProperty("status").GetString() == "matched");
        byEmail.GetProperty("match").GetString().ShouldBe("deterministic");
        (await ResolveAsync(_gateway, $$"""{"phone":"{{person.Phone}}"}""")).GetProperty("profileId").GetString()
            .ShouldBe(byEmail.GetProperty("profileId").GetString());
    }

    [Fact]
    public async Task ANoMatch_AndABadRequest_LinkNothing()
    {
        var none = await EnrichAsync(_gateway, $$"""{"email":"{{SampleIdentifiers.UnknownEmail}}","phone":"+1 415 555 0142"}""");
        using var malformed = await _gateway.Client.PostAsync("/v1/enrich", Json("""{"email":"not-an-email","phone":"+1 415 555 0143"}"""));
        await EverythingQueuedIsLinkedAsync(Known(2));

        none.GetProperty("source").GetString().ShouldBe("none");
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ResolveAsync(_gateway, $$"""{"email":"{{SampleIdentifiers.UnknownEmail}}"}""")).GetProperty("match").GetString().ShouldBe("guest");
        (await ResolveAsync(_gateway, """{"phone":"+1 415 555 0142"}""")).GetProperty("match").GetString().ShouldBe("guest");
        (await ResolveAsync(_gateway, """{"phone":"+1 415 555 0143"}""")).GetProperty("match").GetString().ShouldBe("guest");
    }

    [Fact]
    public async Task ACacheHit_DoesNotLinkAgain()
    {
        var person = Known(3);
        await EnrichAsync(_gateway, $$"""{"email":"{{person.Email}}"}""");
        var linked = await LinkedAsync(_gateway, $$"""{"email":"{{person.Email}}"}""");

        // A CDP corrects the job title; a second link of the same answer would put the provider's back.
        using var identify = await _gateway.Client.PostAsync("/v1/identity/identify", Json($$$"""{"traits":{"email":"{{{person.Email}}}","jobTitle":"Set by the CDP"}}"""));
        var cached = await EnrichAsync(_gateway, $$"""{"email":"{{person.Email}}"}""");
        await EverythingQueuedIsLinkedAsync(Known(4));
        var after = await ResolveAsync(_gateway, $$"""{"email":"{{person.Email}}"}""");

        identify.StatusCode.ShouldBe(HttpStatusCode.OK);
        cached.GetProperty("source").GetString().ShouldBe("cache");
        after.GetProperty("profileId").GetString().ShouldBe(linked.GetProperty("profileId").GetString());
        after.GetProperty("summary").GetProperty("jobTitle").GetString().ShouldBe("Set by the CDP");
    }

    [Fact]
    public async Task AnAnswer_FillsTheTraitsAProfileLacks_AndNeverReplacesOneACdpSet()
    {
        var person = Known(7);
        using var identify = await _gateway.Client.PostAsync(
            "/v1/identity/identify", Json($$$"""{"traits":{"email":"{{{person.Email}}}","jobTitle":"Typed by a person","city":""}}"""));
        identify.StatusCode.ShouldBe(HttpStatusCode.OK);

        var answer = await EnrichAsync(_gateway, $$"""{"email":"{{person.Email}}"}""");
        await EverythingQueuedIsLinkedAsync(Known(8));
        var summary = (await ResolveAsync(_gateway, $$"""{"email":"{{person.Email}}"}""")).GetProperty("summary");

        answer.GetProperty("jobTitle").GetString().ShouldNotBeNullOrEmpty();
        answer.GetProperty("jobTitle").GetString().ShouldNotBe("Typed by a person");
        summary.GetProperty("jobTitle").GetString().ShouldBe("Typed by a person");
        summary.GetProperty("name").GetString().ShouldBe(answer.GetProperty("name").GetString());
        if (answer.GetProperty("city").GetString() is { Length: > 0 } city)
        {
            summary.GetProperty("city").GetString().ShouldBe(city, "an empty trait is a blank to fill");
        }
    }

    [Fact]
    public async Task TheSameAnswer_ManyTimesAtOnce_LinksOneProfile()
    {
        var person = Known(5);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => EnrichAsync(_gateway, $$"""{"email":"{{person.Email}}"}""")));
        await EverythingQueuedIsLinkedAsync(Known(6));
        var resolved = await ResolveAsync(_gateway, $$"""{"email":"{{person.Email}}"}""");

        answers.ShouldAllBe(a => a.GetProperty("source").GetString() != "none");
        resolved.GetProperty("match").GetString().ShouldBe("deterministic", "an email on two profiles would be probabilistic");
        resolved.GetProperty("evidence")[0].GetProperty("profiles").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task AnErasure_WaitsForALinkInFlight_AndNoLinkOfTheSubjectIsLeft()
    {
        var person = Known(9);
        var turns = _gateway.Services.GetRequiredService<ErasureTurns>();
        Task<(int Status, JsonElement Body)> forget;
        using (await turns.TakeAsync(CancellationToken.None))
        {
            // The turn is held as a link batch holds it from its suppression check to its commit: the answer below waits
            // to be linked, then the erasure, having suppressed the subject, waits to clean the store.
            await EnrichAsync(_gateway, $$"""{"email":"{{person.Email}}"}""");
            await Eventually.TrueAsync(() => turns.Waiting == 1, "the answer's link to wait for its turn");
            forget = ErasureTests.ForgetAsync(_gateway, $$"""{"email":"{{person.Email}}"}""");
            await Eventually.TrueAsync(() => turns.Waiting == 2, "the erasure to wait for its turn");

            forget.IsCompleted.ShouldBeFalse();
            (await _gateway.Services.GetRequiredService<SuppressionList>().IsSuppressedAsync(new IdentifierSet { Email = person.Email }, CancellationToken.None))
                .ShouldBeTrue("the subject is suppressed before the erasure waits, so the link finds it suppressed");
        }

        (await forget).Status.ShouldBe(200);

        await EverythingQueuedIsLinkedAsync(Known(10));
        (await ResolveAsync(_gateway, $$"""{"email":"{{person.Email}}"}""")).GetProperty("match").GetString().ShouldBe("guest");
    }

    [Theory]
    [InlineData(true, "deterministic")]
    [InlineData(false, "guest")]
    public async Task LinkOnEnrich_DecidesWhetherAnAnswerLinks_AndShutdownDrainsTheQueue(bool linkOnEnrich, string match)
    {
        using var directory = new TempDirectory();
        var database = directory.File("tributary.db");
        await using (var gateway = await GatewayServer.StartOnDatabaseAsync(database, $"--Identity:LinkOnEnrich={linkOnEnrich}"))
        {
            (await EnrichAsync(gateway, $$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""")).GetProperty("source").GetString().ShouldNotBe("none");

            // Stopped at once: whatever was queued is linked on the way out.
        }

        await using var restarted = await GatewayServer.StartOnDatabaseAsync(database, "--Sandbox:Enabled=false");
        (await ResolveAsync(restarted, $$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""")).GetProperty("match").GetString().ShouldBe(match);
    }

    /// <summary>A sample person Clearbit knows, so enriching their email is a fresh match; Jane Doe is 0.</summary>
    private static SamplePerson Known(int index) => Dataset.People.Where(ClearbitSimulator.Coverage.Knows).Skip(index).First();

    private static SampleDataset Dataset => LazyDataset.Value;

    private static readonly Lazy<SampleDataset> LazyDataset = new(SampleDataset.Create);

    /// <summary>
    /// Enriches someone new and waits for their link: the queue is first in, first out, so every answer queued before
    /// has been handled too.
    /// </summary>
    private async Task EverythingQueuedIsLinkedAsync(SamplePerson someoneNew)
    {
        await EnrichAsync(_gateway, $$"""{"email":"{{someoneNew.Email}}"}""");
        await LinkedAsync(_gateway, $$"""{"email":"{{someoneNew.Email}}"}""");
    }

    /// <summary>Resolves until the identifiers are linked: the background link has happened.</summary>
    private static async Task<JsonElement> LinkedAsync(GatewayServer gateway, string resolve)
    {
        var resolved = default(JsonElement);
        await Eventually.TrueAsync(
            async () => (resolved = await ResolveAsync(gateway, resolve)).GetProperty("match").GetString() != "guest",
            "the answer to be linked");
        return resolved;
    }

    private static async Task<JsonElement> EnrichAsync(GatewayServer gateway, string body, string path = "/v1/enrich")
    {
        using var response = await gateway.Client.PostAsync(path, Json(body));
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, answer.ToString());
        return answer;
    }

    private static async Task<JsonElement> ResolveAsync(GatewayServer gateway, string body)
    {
        using var response = await gateway.Client.PostAsync("/v1/identity/resolve", Json(body));
        var resolved = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, resolved.ToString());
        return resolved;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
