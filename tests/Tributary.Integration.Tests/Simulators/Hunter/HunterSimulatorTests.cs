using System.Net;
using System.Text.Json;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Simulators.Hunter;

public sealed class HunterSimulatorTests : IClassFixture<HunterFixture>
{
    private readonly HunterFixture _fixture;

    public HunterSimulatorTests(HunterFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
        fixture.Simulator.CreditsRemaining = 1_000_000;
    }

    private HunterSimulator Simulator => _fixture.Simulator;

    [Fact]
    public async Task EmailFinder_Jane_ReturnsHerAddressWithScoreAndVerification()
    {
        var (status, body) = await GetAsync("/v2/email-finder?domain=acme.com&first_name=Jane&last_name=Doe");

        status.ShouldBe(HttpStatusCode.OK);
        var data = body.GetProperty("data");
        data.GetProperty("email").GetString().ShouldBe(SampleIdentifiers.JaneDoeEmail);
        data.GetProperty("score").GetInt32().ShouldBe(99);
        data.GetProperty("position").GetString().ShouldBe("VP of Engineering");
        data.GetProperty("company").GetString().ShouldBe("Acme Inc");
        data.GetProperty("linkedin_url").GetString().ShouldBe("https://www.linkedin.com/in/janedoe");
        data.GetProperty("verification").GetProperty("status").GetString().ShouldBe("valid");
        body.GetProperty("meta").GetProperty("params").GetProperty("first_name").GetString().ShouldBe("Jane");
    }

    [Fact]
    public async Task EmailFinder_NoMatch_Is200WithANullEmail_AndCostsNothing()
    {
        var before = Simulator.CreditsRemaining;

        var (status, body) = await GetAsync("/v2/email-finder?domain=acme.com&full_name=Nobody%20Known");

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("data").GetProperty("email").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("data").GetProperty("score").ValueKind.ShouldBe(JsonValueKind.Null);
        Simulator.CreditsRemaining.ShouldBe(before);
    }

    [Theory]
    [InlineData("/v2/email-finder?first_name=Jane&last_name=Doe", "You are missing the domain parameter")]
    [InlineData("/v2/email-finder?domain=acme.com&first_name=Jane", "You are missing the first_name and last_name parameters")]
    [InlineData("/v2/domain-search", "You are missing the domain parameter")]
    public async Task MissingParameters_Are400WrongParams(string path, string details)
    {
        var (status, body) = await GetAsync(path);

        status.ShouldBe(HttpStatusCode.BadRequest);
        var error = body.GetProperty("errors")[0];
        error.GetProperty("id").GetString().ShouldBe("wrong_params");
        error.GetProperty("code").GetInt32().ShouldBe(400);
        error.GetProperty("details").GetString().ShouldBe(details);
    }

    [Fact]
    public async Task TheKey_IsAcceptedInTheQuery_TheXApiKeyHeader_OrAsABearer()
    {
        using var query = await _fixture.Client.GetAsync($"/v2/companies/find?domain=acme.com&api_key={Simulator.ApiKey}");
        using var header = new HttpRequestMessage(HttpMethod.Get, "/v2/companies/find?domain=acme.com");
        header.Headers.Add("X-API-KEY", Simulator.ApiKey);
        using var viaHeader = await _fixture.Client.SendAsync(header);
        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/v2/companies/find?domain=acme.com");
        bearer.Headers.Authorization = new("Bearer", Simulator.ApiKey);
        using var viaBearer = await _fixture.Client.SendAsync(bearer);
        var (missing, error) = await GetAsync("/v2/companies/find?domain=acme.com", key: null);

        query.StatusCode.ShouldBe(HttpStatusCode.OK);
        viaHeader.StatusCode.ShouldBe(HttpStatusCode.OK);
        viaBearer.StatusCode.ShouldBe(HttpStatusCode.OK);
        missing.ShouldBe(HttpStatusCode.Unauthorized);
        error.GetProperty("errors")[0].GetProperty("id").GetString().ShouldBe("authentication_failed");
    }

    [Fact]
    public async Task PeopleFind_ReturnsAClearbitShapedPerson_InTheDataEnvelope()
    {
        var (status, body) = await GetAsync("/v2/people/find?email=jane.doe%40acme.com");

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("data").GetProperty("name").GetProperty("fullName").GetString().ShouldBe("Jane Doe");
        body.GetProperty("data").GetProperty("employment").GetProperty("domain").GetString().ShouldBe("acme.com");
        body.GetProperty("meta").GetProperty("email").GetString().ShouldBe(SampleIdentifiers.JaneDoeEmail);
    }

    [Theory]
    [InlineData("/v2/people/find?email=nobody%40unknown-company.com")]
    [InlineData("/v2/companies/find?domain=unknown-company.com")]
    [InlineData("/v2/combined/find?email=nobody%40unknown-company.com")]
    public async Task Finds_OfTheUnknown_Are404(string path)
    {
        var (status, body) = await GetAsync(path);

        status.ShouldBe(HttpStatusCode.NotFound);
        body.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task CompaniesAndCombinedFind_ReturnAcme()
    {
        var (_, company) = await GetAsync("/v2/companies/find?domain=acme.com");
        var (_, combined) = await GetAsync("/v2/combined/find?email=jane.doe%40acme.com");

        company.GetProperty("data").GetProperty("logo").GetString().ShouldBe("https://logos.hunter.io/acme.com");
        combined.GetProperty("data").GetProperty("person").GetProperty("email").GetString().ShouldBe(SampleIdentifiers.JaneDoeEmail);
        combined.GetProperty("data").GetProperty("company").GetProperty("name").GetString().ShouldBe("Acme Inc");
    }

    [Fact]
    public async Task DomainSearch_ListsThePeopleHunterKnows_WithThePattern()
    {
        var (status, body) = await GetAsync("/v2/domain-search?domain=acme.com&limit=100");

        status.ShouldBe(HttpStatusCode.OK);
        var data = body.GetProperty("data");
        data.GetProperty("organization").GetString().ShouldBe("Acme Inc");
        data.GetProperty("pattern").GetString().ShouldBe("{first}.{last}");
        data.GetProperty("headcount").GetString().ShouldBe("201-500");
        var emails = data.GetProperty("emails").EnumerateArray().ToList();
        emails.ShouldContain(e => e.GetProperty("value").GetString() == SampleIdentifiers.JaneDoeEmail);
        emails.Last().GetProperty("type").GetString().ShouldBe("generic");
        body.GetProperty("meta").GetProperty("results").GetInt32().ShouldBe(emails.Count);
    }

    [Fact]
    public async Task DomainSearch_PagesAndFilters()
    {
        var (_, all) = await GetAsync("/v2/domain-search?domain=acme.com&limit=100");
        var (_, page) = await GetAsync("/v2/domain-search?domain=acme.com&limit=2&offset=1");
        var (_, generic) = await GetAsync("/v2/domain-search?domain=acme.com&type=generic");
        var (_, executives) = await GetAsync("/v2/domain-search?domain=acme.com&seniority=executive&limit=100");

        var everyone = all.GetProperty("data").GetProperty("emails").EnumerateArray().Select(e => e.GetProperty("value").GetString()).ToList();
        page.GetProperty("data").GetProperty("emails").EnumerateArray().Select(e => e.GetProperty("value").GetString()).ShouldBe(everyone.Skip(1).Take(2));
        page.GetProperty("meta").GetProperty("offset").GetInt32().ShouldBe(1);
        generic.GetProperty("data").GetProperty("emails").EnumerateArray().Select(e => e.GetProperty("value").GetString()).ShouldBe(["info@acme.com"]);
        executives.GetProperty("data").GetProperty("emails").EnumerateArray().ShouldAllBe(e => e.GetProperty("seniority").GetString() == "executive");
    }

    [Fact]
    public async Task OptedOutPeople_Are451_AndNeverListed()
    {
        var dataset = await TestDataset.Shared;
        var optedOut = dataset.People[5];

        var (byEmail, body) = await GetAsync("/v2/people/find?email=" + Uri.EscapeDataString(optedOut.Email));
        var (byFixedAddress, _) = await GetAsync("/v2/combined/find?email=" + Uri.EscapeDataString(SampleIdentifiers.OptedOutEmail));
        var (byName, _) = await GetAsync($"/v2/email-finder?domain={optedOut.Company.Domain}&first_name={optedOut.FirstName}&last_name={optedOut.LastName}");
        var (_, search) = await GetAsync($"/v2/domain-search?domain={optedOut.Company.Domain}&limit=100");

        byEmail.ShouldBe(HttpStatusCode.UnavailableForLegalReasons);
        body.GetProperty("errors")[0].GetProperty("id").GetString().ShouldBe("claimed_email");
        byFixedAddress.ShouldBe(HttpStatusCode.UnavailableForLegalReasons);
        byName.ShouldBe(HttpStatusCode.UnavailableForLegalReasons);
        search.GetProperty("data").GetProperty("emails").EnumerateArray().ShouldNotContain(e => e.GetProperty("value").GetString() == optedOut.Email);
    }

    [Fact]
    public async Task Answers_CarryNoRateLimitHeaders()
    {
        using var response = await _fixture.Client.GetAsync($"/v2/companies/find?domain=acme.com&api_key={Simulator.ApiKey}");

        response.Headers.Select(h => h.Key).ShouldNotContain(name => name.Contains("ratelimit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task PerMinuteLimit_Exceeded_Is403_HuntersThrottleSignal()
    {
        Simulator.Faults.PerMinuteLimit = 1;

        var (first, _) = await GetAsync("/v2/companies/find?domain=acme.com");
        var (second, body) = await GetAsync("/v2/companies/find?domain=acme.com");

        first.ShouldBe(HttpStatusCode.OK);
        second.ShouldBe(HttpStatusCode.Forbidden);
        body.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(403);
    }

    [Fact]
    public async Task MonthlyCredits_WhenSpent_Are429TooManyRequests()
    {
        Simulator.CreditsRemaining = 1;

        var (first, _) = await GetAsync("/v2/people/find?email=jane.doe%40acme.com");
        var (second, body) = await GetAsync("/v2/people/find?email=jane.doe%40acme.com");

        first.ShouldBe(HttpStatusCode.OK);
        second.ShouldBe(HttpStatusCode.TooManyRequests);
        body.GetProperty("errors")[0].GetProperty("id").GetString().ShouldBe("too_many_requests");
        Simulator.CreditsRemaining.ShouldBe(0);
    }

    [Fact]
    public async Task CreditsExhaustedFault_Is429WithoutTouchingTheBalance()
    {
        Simulator.Faults.CreditsExhausted = true;

        var (status, _) = await GetAsync("/v2/domain-search?domain=acme.com");

        status.ShouldBe(HttpStatusCode.TooManyRequests);
        Simulator.CreditsRemaining.ShouldBe(1_000_000);
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path) => GetAsync(path, Simulator.ApiKey);

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("X-API-KEY", key);
        }

        using var response = await _fixture.Client.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone());
    }
}
