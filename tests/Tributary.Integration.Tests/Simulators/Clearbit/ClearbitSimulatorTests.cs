using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Simulators.Clearbit;

public sealed class ClearbitSimulatorTests : IClassFixture<ClearbitFixture>
{
    private readonly ClearbitFixture _fixture;

    public ClearbitSimulatorTests(ClearbitFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    private ClearbitSimulator Simulator => _fixture.Simulator;

    [Fact]
    public async Task PeopleFind_JaneDoe_ReturnsTheFullPerson()
    {
        var (status, person) = await GetAsync("/v2/people/find?email=jane.doe@acme.com");

        status.ShouldBe(HttpStatusCode.OK);
        person.GetProperty("name").GetProperty("fullName").GetString().ShouldBe("Jane Doe");
        person.GetProperty("name").GetProperty("givenName").GetString().ShouldBe("Jane");
        person.GetProperty("email").GetString().ShouldBe(SampleIdentifiers.JaneDoeEmail);
        var employment = person.GetProperty("employment");
        employment.GetProperty("domain").GetString().ShouldBe("acme.com");
        employment.GetProperty("name").GetString().ShouldBe("Acme Inc");
        employment.GetProperty("title").GetString().ShouldBe("VP of Engineering");
        employment.GetProperty("role").GetString().ShouldBe("engineering");
        employment.GetProperty("seniority").GetString().ShouldBe("executive");
        person.GetProperty("geo").GetProperty("city").GetString().ShouldBe("San Francisco");
        person.GetProperty("geo").GetProperty("countryCode").GetString().ShouldBe("US");
        person.GetProperty("linkedin").GetProperty("handle").GetString().ShouldBe("in/janedoe");
        person.GetProperty("fuzzy").GetBoolean().ShouldBeFalse();
        person.GetProperty("emailProvider").GetBoolean().ShouldBeFalse();
        person.GetProperty("indexedAt").GetString()!.ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$");
    }

    [Fact]
    public async Task PeopleFind_AcceptsTheKeyAsABearerToken()
    {
        var (status, _) = await GetAsync("/v2/people/find?email=jane.doe@acme.com", new AuthenticationHeaderValue("Bearer", Simulator.ApiKey));

        status.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer sk_wrong")]
    [InlineData("Basic bm90LWJhc2U2NA=!")]
    public async Task PeopleFind_WithoutTheKey_Is401AuthRequired(string? authorization)
    {
        var header = authorization is null ? null : AuthenticationHeaderValue.Parse(authorization);

        var (status, body) = await GetAsync("/v2/people/find?email=jane.doe@acme.com", header);

        status.ShouldBe(HttpStatusCode.Unauthorized);
        ErrorType(body).ShouldBe("auth_required");
    }

    [Fact]
    public async Task PeopleFind_UnknownEmail_Is404UnknownRecord()
    {
        var (status, body) = await GetAsync("/v2/people/find?email=" + SampleIdentifiers.UnknownEmail);

        status.ShouldBe(HttpStatusCode.NotFound);
        ErrorType(body).ShouldBe("unknown_record");
        body.GetProperty("error").GetProperty("message").GetString().ShouldBe("Unknown email address");
    }

    [Fact]
    public async Task PeopleFind_SomeoneClearbitDoesNotCover_Is404()
    {
        var dataset = await TestDataset.Shared;
        var stranger = dataset.People.First(p => !ClearbitSimulator.Coverage.Knows(p));

        var (status, _) = await GetAsync("/v2/people/find?email=" + stranger.Email);

        status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("jane@acme")]
    [InlineData("info@acme.com")]
    [InlineData("sales@acme.com")]
    public async Task PeopleFind_MalformedOrRoleMailbox_Is422EmailInvalid(string email)
    {
        var (status, body) = await GetAsync("/v2/people/find?email=" + Uri.EscapeDataString(email));

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        ErrorType(body).ShouldBe("email_invalid");
    }

    [Fact]
    public async Task Queued_Answers202_UnlessCachedIsRequested()
    {
        Simulator.Faults.Queued = true;

        var (queued, body) = await GetAsync("/v2/people/find?email=jane.doe@acme.com");
        var (cached, _) = await GetAsync("/v2/people/find?email=jane.doe@acme.com&cached=true");
        var (company, _) = await GetAsync("/v2/companies/find?domain=acme.com");

        queued.ShouldBe(HttpStatusCode.Accepted);
        ErrorType(body).ShouldBe("queued");
        cached.ShouldBe(HttpStatusCode.OK);
        company.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task CreditsExhausted_Answers402OverQuota()
    {
        Simulator.Faults.CreditsExhausted = true;

        var (person, body) = await GetAsync("/v2/combined/find?email=jane.doe@acme.com");
        var (company, _) = await GetAsync("/v2/companies/find?domain=acme.com");

        person.ShouldBe(HttpStatusCode.PaymentRequired);
        ErrorType(body).ShouldBe("over_quota");
        company.ShouldBe(HttpStatusCode.PaymentRequired);
    }

    [Fact]
    public async Task CompaniesFind_Acme_ReturnsTheCompany()
    {
        var (status, company) = await GetAsync("/v2/companies/find?domain=acme.com");

        status.ShouldBe(HttpStatusCode.OK);
        company.GetProperty("name").GetString().ShouldBe("Acme Inc");
        company.GetProperty("domain").GetString().ShouldBe("acme.com");
        company.GetProperty("category").GetProperty("industryGroup").GetString().ShouldBe("Software & Services");
        var metrics = company.GetProperty("metrics");
        metrics.GetProperty("employees").GetInt32().ShouldBe(500);
        metrics.GetProperty("employeesRange").GetString().ShouldBe("251-1K");
        metrics.GetProperty("estimatedAnnualRevenue").GetString().ShouldBe("$50M-$100M");
        company.GetProperty("tech").EnumerateArray().Select(t => t.GetString()).ShouldBe(["salesforce", "hubspot", "aws"]);
        company.GetProperty("linkedin").GetProperty("handle").GetString().ShouldBe("company/acme");
        company.GetProperty("geo").GetProperty("city").GetString().ShouldBe("San Francisco");
        company.GetProperty("phone").GetString().ShouldBe("+1 415-222-0100");
    }

    [Theory]
    [InlineData("unknown-company.com", HttpStatusCode.NotFound)]
    [InlineData("not a domain", HttpStatusCode.UnprocessableEntity)]
    [InlineData("", HttpStatusCode.UnprocessableEntity)]
    public async Task CompaniesFind_UnknownOrInvalidDomain(string domain, HttpStatusCode expected)
    {
        var (status, _) = await GetAsync("/v2/companies/find?domain=" + Uri.EscapeDataString(domain));

        status.ShouldBe(expected);
    }

    [Fact]
    public async Task CombinedFind_JaneDoe_ReturnsPersonAndCompany()
    {
        var (status, body) = await GetAsync("/v2/combined/find?email=jane.doe@acme.com");

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("person").GetProperty("name").GetProperty("familyName").GetString().ShouldBe("Doe");
        body.GetProperty("company").GetProperty("domain").GetString().ShouldBe("acme.com");
    }

    [Fact]
    public async Task CombinedFind_UnknownPersonAtAKnownCompany_ReturnsOnlyTheCompany()
    {
        var (status, body) = await GetAsync("/v2/combined/find?email=someone.new@acme.com");

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("person").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("company").GetProperty("name").GetString().ShouldBe("Acme Inc");
    }

    [Fact]
    public async Task CombinedFind_NothingKnown_Is404()
    {
        var (status, body) = await GetAsync("/v2/combined/find?email=" + SampleIdentifiers.UnknownEmail);

        status.ShouldBe(HttpStatusCode.NotFound);
        ErrorType(body).ShouldBe("unknown_record");
    }

    [Fact]
    public async Task EveryAnswer_CarriesRateLimitHeaders_EvenErrors()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v2/people/find?email=jane.doe@acme.com");
        using var unauthorized = await _fixture.Client.SendAsync(request);

        unauthorized.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unauthorized.Headers.GetValues("X-RateLimit-Limit").ShouldBe(["600"]);
        int.Parse(unauthorized.Headers.GetValues("X-RateLimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        unauthorized.Headers.Contains("X-RateLimit-Remaining").ShouldBeTrue();
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path) =>
        GetAsync(path, BasicCredentials.For(Simulator.ApiKey));

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        using var response = await _fixture.Client.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone());
    }

    private static string? ErrorType(JsonElement body) => body.GetProperty("error").GetProperty("type").GetString();
}
