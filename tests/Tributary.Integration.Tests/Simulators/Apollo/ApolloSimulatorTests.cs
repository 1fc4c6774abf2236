using System.Net;
using System.Text;
using System.Text.Json;
using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Simulators.Apollo;

public sealed class ApolloSimulatorTests : IClassFixture<ApolloFixture>
{
    private readonly ApolloFixture _fixture;

    public ApolloSimulatorTests(ApolloFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    [Fact]
    public async Task PeopleMatch_JaneByEmailInTheQuery_ReturnsThePerson()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/api/v1/people/match?email=jane.doe%40acme.com");

        status.ShouldBe(HttpStatusCode.OK);
        var person = body.GetProperty("person");
        person.GetProperty("name").GetString().ShouldBe("Jane Doe");
        person.GetProperty("title").GetString().ShouldBe("VP of Engineering");
        person.GetProperty("email").GetString().ShouldBe(SampleIdentifiers.JaneDoeEmail);
        person.GetProperty("email_status").GetString().ShouldBe("verified");
        person.GetProperty("seniority").GetString().ShouldBe("vp");
        person.GetProperty("departments")[0].GetString().ShouldBe("master_engineering_technical");
        person.GetProperty("linkedin_url").GetString().ShouldBe("http://www.linkedin.com/in/janedoe");
        person.GetProperty("city").GetString().ShouldBe("San Francisco");
        var organization = person.GetProperty("organization");
        organization.GetProperty("primary_domain").GetString().ShouldBe("acme.com");
        organization.GetProperty("estimated_num_employees").GetInt32().ShouldBe(500);
        organization.GetProperty("technology_names").GetArrayLength().ShouldBe(3);
    }

    [Theory]
    [InlineData("linkedin_url=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fjanedoe")]
    [InlineData("first_name=Jane&last_name=Doe&domain=acme.com")]
    [InlineData("name=Jane%20Doe&organization_name=Acme")]
    public async Task PeopleMatch_FindsJaneByOtherIdentifiers(string query)
    {
        var (_, body) = await SendAsync(HttpMethod.Post, "/api/v1/people/match?" + query);

        body.GetProperty("person").GetProperty("last_name").GetString().ShouldBe("Doe");
    }

    [Fact]
    public async Task PeopleMatch_ByIdOrHashedEmail_FindsJane()
    {
        var jane = (await TestDataset.Shared).JaneDoe;

        var (_, byId) = await SendAsync(HttpMethod.Post, "/api/v1/people/match?id=" + jane.ApolloId);
        var (_, bySha) = await SendAsync(HttpMethod.Post, "/api/v1/people/match?hashed_email=" + EmailHashIndex.Sha256(jane.Email));
        var (_, byMd5) = await SendAsync(HttpMethod.Post, "/api/v1/people/match?hashed_email=" + EmailHashIndex.Md5(jane.Email));

        byId.GetProperty("person").GetProperty("id").GetString().ShouldBe(jane.ApolloId);
        bySha.GetProperty("person").GetProperty("id").GetString().ShouldBe(jane.ApolloId);
        byMd5.GetProperty("person").GetProperty("id").GetString().ShouldBe(jane.ApolloId);
    }

    [Fact]
    public async Task PeopleMatch_NoMatch_Is200WithANullPerson()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/api/v1/people/match?email=" + SampleIdentifiers.UnknownEmail);

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("person").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task PeopleMatch_SomeEmailsAreThePlaceholder_StillMarkedVerified()
    {
        var dataset = await TestDataset.Shared;
        var locked = dataset.People.First(p => p.Index > 0 && ApolloSimulator.Coverage.Knows(p) && ApolloSimulator.Coverage.Score(p, "email", 0, 99) < 10);

        var (_, body) = await SendAsync(HttpMethod.Post, "/api/v1/people/match?email=" + Uri.EscapeDataString(locked.Email));

        var person = body.GetProperty("person");
        person.GetProperty("email").GetString().ShouldBe("email_not_unlocked@" + locked.Company.Domain);
        person.GetProperty("email_status").GetString().ShouldBe("verified");
    }

    [Fact]
    public async Task PeopleMatch_PhoneRevealWithoutWebhook_Is400()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/api/v1/people/match?email=jane.doe%40acme.com&reveal_phone_number=true");

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetString()!.ShouldContain("webhook_url");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task MissingOrWrongKey_Is401InPlainText(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/people/match?email=jane.doe%40acme.com");
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }

        using var response = await _fixture.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await response.Content.ReadAsStringAsync()).ShouldStartWith("Invalid API key.");
    }

    [Fact]
    public async Task BulkMatch_AnswersEveryDetailInOrder_WithNullForMisses()
    {
        const string Body = """{"details":[{"email":"jane.doe@acme.com"},{"email":"nobody@unknown-company.com"}]}""";

        var (status, body) = await SendAsync(HttpMethod.Post, "/api/v1/people/bulk_match", Body);

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("status").GetString().ShouldBe("success");
        body.GetProperty("total_requested_enrichments").GetInt32().ShouldBe(2);
        body.GetProperty("unique_enriched_records").GetInt32().ShouldBe(1);
        body.GetProperty("missing_records").GetInt32().ShouldBe(1);
        var matches = body.GetProperty("matches");
        matches[0].GetProperty("first_name").GetString().ShouldBe("Jane");
        matches[1].ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task BulkMatch_MoreThanTen_Is400RecordLimitExceeded()
    {
        var details = string.Join(',', Enumerable.Repeat("""{"email":"jane.doe@acme.com"}""", 11));

        var (status, body) = await SendAsync(HttpMethod.Post, "/api/v1/people/bulk_match", $$"""{"details":[{{details}}]}""");

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("status").GetString().ShouldBe("failed");
        body.GetProperty("error_code").GetString().ShouldBe("RECORD_LIMIT_EXCEEDED");
        body.GetProperty("error_message").GetString().ShouldBe("cannot enrich more than 10 in a single request");
    }

    [Fact]
    public async Task OrganizationsEnrich_Acme_ReturnsTheOrganization()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/api/v1/organizations/enrich?domain=acme.com");

        status.ShouldBe(HttpStatusCode.OK);
        var organization = body.GetProperty("organization");
        organization.GetProperty("name").GetString().ShouldBe("Acme Inc");
        organization.GetProperty("industry").GetString().ShouldBe("computer software");
        organization.GetProperty("annual_revenue").GetInt64().ShouldBe(75_000_000);
        organization.GetProperty("keywords").GetArrayLength().ShouldBeGreaterThan(0);
        organization.GetProperty("current_technologies")[0].GetProperty("uid").GetString().ShouldBe("salesforce");
    }

    [Fact]
    public async Task OrganizationsEnrich_WithoutADomain_Is422_AndUnknownIsNull()
    {
        var (missing, error) = await SendAsync(HttpMethod.Get, "/api/v1/organizations/enrich");
        var (unknown, body) = await SendAsync(HttpMethod.Get, "/api/v1/organizations/enrich?domain=unknown-company.com");

        missing.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error.GetProperty("error").GetString().ShouldBe("Required parameter 'domain' missing");
        unknown.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("organization").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task BulkEnrich_TakesDomainsFromTheQueryOrDetailsFromTheBody()
    {
        var (_, fromQuery) = await SendAsync(HttpMethod.Post, "/api/v1/organizations/bulk_enrich?domains[]=acme.com&domains[]=unknown-company.com");
        var (_, fromBody) = await SendAsync(HttpMethod.Post, "/api/v1/organizations/bulk_enrich", """{"details":[{"domain":"acme.com"}]}""");

        fromQuery.GetProperty("total_requested_domains").GetInt32().ShouldBe(2);
        fromQuery.GetProperty("missing_records").GetInt32().ShouldBe(1);
        fromQuery.GetProperty("organizations")[0].GetProperty("primary_domain").GetString().ShouldBe("acme.com");
        fromBody.GetProperty("unique_enriched_records").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Answers_CarryMinuteHourAndDayUsageHeaders()
    {
        using var request = Request(HttpMethod.Get, "/api/v1/organizations/enrich?domain=acme.com");
        using var response = await _fixture.Client.SendAsync(request);

        Header(response, "x-rate-limit-minute").ShouldBe("1000");
        Header(response, "x-minute-usage").ShouldBe("1");
        Header(response, "x-minute-requests-left").ShouldBe("999");
        Header(response, "x-rate-limit-hourly").ShouldBe("60000");
        Header(response, "x-hourly-requests-left").ShouldNotBeNullOrEmpty();
        Header(response, "x-rate-limit-24-hour").ShouldBe("1440000");
        Header(response, "x-24-hour-usage").ShouldNotBeNullOrEmpty();
        Header(response, "x-24-hour-requests-left").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task PerMinuteLimit_Exceeded_Is429NamingTheEndpoint()
    {
        _fixture.Simulator.Faults.PerMinuteLimit = 1;

        await SendAsync(HttpMethod.Post, "/api/v1/people/match?email=jane.doe%40acme.com");
        using var request = Request(HttpMethod.Post, "/api/v1/people/match?email=jane.doe%40acme.com");
        using var refused = await _fixture.Client.SendAsync(request);
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        Header(refused, "retry-after").ShouldNotBeNullOrEmpty();
        body.RootElement.GetProperty("message").GetString().ShouldStartWith("The maximum number of api calls allowed for api/v1/people/match is 1 times per minute.");
    }

    [Fact]
    public async Task TooManyRequests_Is429WithRetryAfter()
    {
        _fixture.Simulator.Faults.TooManyRequests = true;
        _fixture.Simulator.Faults.RetryAfterSeconds = 12;

        using var request = Request(HttpMethod.Post, "/api/v1/people/match?email=jane.doe%40acme.com");
        using var response = await _fixture.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        Header(response, "retry-after").ShouldBe("12");
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-api-key", _fixture.Simulator.ApiKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = Request(method, path, json);
        using var response = await _fixture.Client.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone());
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(',', values) : string.Empty;
}
