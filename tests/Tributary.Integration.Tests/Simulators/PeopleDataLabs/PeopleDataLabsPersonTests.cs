using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Simulators.PeopleDataLabs;

public sealed class PeopleDataLabsPersonTests : IClassFixture<PeopleDataLabsFixture>
{
    private readonly PeopleDataLabsFixture _fixture;

    public PeopleDataLabsPersonTests(PeopleDataLabsFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
        fixture.Simulator.CreditsRemaining = 1_000_000;
    }

    private PeopleDataLabsSimulator Simulator => _fixture.Simulator;

    [Fact]
    public async Task Enrich_JaneByEmail_ReturnsALowerCasedSnakeCaseRecord()
    {
        var (status, body, _) = await SendAsync(HttpMethod.Get, "/v5/person/enrich?email=jane.doe%40acme.com");

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("status").GetInt32().ShouldBe(200);
        body.GetProperty("likelihood").GetInt32().ShouldBe(10);
        var data = body.GetProperty("data");
        data.GetProperty("full_name").GetString().ShouldBe("jane doe");
        data.GetProperty("work_email").GetString().ShouldBe(SampleIdentifiers.JaneDoeEmail);
        data.GetProperty("mobile_phone").GetString().ShouldBe(SampleIdentifiers.JaneDoePhone);
        data.GetProperty("job_title").GetString().ShouldBe("vp of engineering");
        data.GetProperty("job_title_levels")[0].GetString().ShouldBe("vp");
        data.GetProperty("job_title_role").GetString().ShouldBe("engineering");
        data.GetProperty("job_company_name").GetString().ShouldBe("acme inc");
        data.GetProperty("job_company_website").GetString().ShouldBe("acme.com");
        data.GetProperty("job_company_size").GetString().ShouldBe("201-500");
        data.GetProperty("linkedin_url").GetString().ShouldBe(SampleIdentifiers.JaneDoeLinkedInUrl);
        data.GetProperty("location_locality").GetString().ShouldBe("san francisco");
        data.GetProperty("location_country").GetString().ShouldBe("united states");
        data.GetProperty("experience")[0].GetProperty("title").GetProperty("levels")[0].GetString().ShouldBe("vp");
        data.GetProperty("birth_year").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Enrich_ByEveryIdentifier_FindsJane()
    {
        var jane = (await TestDataset.Shared).JaneDoe;
        string[] queries =
        [
            "pdl_id=" + jane.PdlId,
            "profile=linkedin.com/in/janedoe",
            "phone=%2B14152220123",
            "email_hash=" + EmailHashIndex.Sha256(jane.Email),
            "name=Jane%20Doe&company=acme.com",
            "first_name=jane&last_name=doe&company=Acme%20Inc",
        ];

        foreach (var query in queries)
        {
            var (status, body, _) = await SendAsync(HttpMethod.Get, "/v5/person/enrich?" + query);
            status.ShouldBe(HttpStatusCode.OK, query);
            body.GetProperty("data").GetProperty("id").GetString().ShouldBe(jane.PdlId, query);
        }
    }

    [Fact]
    public async Task Enrich_AcceptsTheParametersAsAJsonBodyToo()
    {
        var (status, body, _) = await SendAsync(HttpMethod.Post, "/v5/person/enrich", """{"profile":["linkedin.com/in/janedoe"]}""");

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("data").GetProperty("first_name").GetString().ShouldBe("jane");
    }

    [Fact]
    public async Task Enrich_NoMatch_Is404NotFound_AndFree()
    {
        var before = Simulator.CreditsRemaining;

        var (status, body, response) = await SendAsync(HttpMethod.Get, "/v5/person/enrich?email=" + SampleIdentifiers.UnknownEmail);

        status.ShouldBe(HttpStatusCode.NotFound);
        body.GetProperty("status").GetInt32().ShouldBe(404);
        body.GetProperty("error").GetProperty("type").GetString().ShouldBe("not_found");
        body.GetProperty("error").GetProperty("message").GetString().ShouldBe("No records were found matching your request");
        Header(response, "x-call-credits-spent").ShouldBe("0");
        Simulator.CreditsRemaining.ShouldBe(before);
    }

    [Theory]
    [InlineData("name=Jane%20Doe")]
    [InlineData("min_likelihood=11&email=jane.doe%40acme.com")]
    [InlineData("required=emails%20AND&email=jane.doe%40acme.com")]
    public async Task Enrich_InsufficientOrInvalidInput_Is400(string query)
    {
        var (status, body, _) = await SendAsync(HttpMethod.Get, "/v5/person/enrich?" + query);

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetProperty("type").GetString().ShouldBe("invalid_request_error");
    }

    [Theory]
    [InlineData("email=jane.doe%40acme.com&required=emails%20AND%20profiles", HttpStatusCode.OK)]
    [InlineData("email=jane.doe%40acme.com&required=skills", HttpStatusCode.NotFound)]
    [InlineData("email=jane.doe%40acme.com&required=(skills%20OR%20phone_numbers)%20AND%20emails", HttpStatusCode.OK)]
    [InlineData("name=Jane%20Doe&company=acme.com&min_likelihood=9", HttpStatusCode.NotFound)]
    [InlineData("name=Jane%20Doe&company=acme.com&min_likelihood=8", HttpStatusCode.OK)]
    public async Task Enrich_HonoursRequiredAndMinLikelihood(string query, HttpStatusCode expected)
    {
        var (status, _, _) = await SendAsync(HttpMethod.Get, "/v5/person/enrich?" + query);

        status.ShouldBe(expected);
    }

    [Fact]
    public async Task Enrich_TitlecaseAndIncludeIfMatched_ShapeTheAnswer()
    {
        var (_, body, _) = await SendAsync(HttpMethod.Get, "/v5/person/enrich?email=jane.doe%40acme.com&titlecase=true&include_if_matched=true");

        body.GetProperty("data").GetProperty("full_name").GetString().ShouldBe("Jane Doe");
        body.GetProperty("matched").EnumerateArray().Select(m => m.GetString()).ShouldBe(["email"]);
    }

    [Fact]
    public async Task Answers_CarryPdlsRateLimitAndCreditHeaders()
    {
        var before = Simulator.CreditsRemaining;

        var (_, _, response) = await SendAsync(HttpMethod.Get, "/v5/person/enrich?email=jane.doe%40acme.com");

        Header(response, "x-ratelimit-limit").ShouldBe("{'minute': 1000}");
        Header(response, "x-ratelimit-remaining").ShouldBe("{'minute': 999}");
        DateTimeOffset.ParseExact(Header(response, "x-ratelimit-reset"), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            .ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        Header(response, "x-call-credits-spent").ShouldBe("1");
        Header(response, "x-call-credits-type").ShouldBe("enrich");
        Header(response, "x-totallimit-remaining").ShouldBe((before - 1).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task KeyInTheQuery_IsAccepted_AndAMissingKeyIs401()
    {
        using var viaQuery = await _fixture.Client.GetAsync($"/v5/person/enrich?email=jane.doe%40acme.com&api_key={Simulator.ApiKey}");
        using var anonymous = await _fixture.Client.GetAsync("/v5/person/enrich?email=jane.doe%40acme.com");
        using var error = JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync());

        viaQuery.StatusCode.ShouldBe(HttpStatusCode.OK);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        error.RootElement.GetProperty("error").GetProperty("type").GetString().ShouldBe("authentication_error");
    }

    [Fact]
    public async Task SpentCredits_Are402PaymentRequired()
    {
        Simulator.CreditsRemaining = 1;

        var (first, _, _) = await SendAsync(HttpMethod.Get, "/v5/person/enrich?email=jane.doe%40acme.com");
        var (second, body, response) = await SendAsync(HttpMethod.Get, "/v5/person/enrich?email=jane.doe%40acme.com");

        first.ShouldBe(HttpStatusCode.OK);
        second.ShouldBe(HttpStatusCode.PaymentRequired);
        body.GetProperty("error").GetProperty("type").GetString().ShouldBe("payment_required");
        Header(response, "x-totallimit-remaining").ShouldBe("0");
    }

    [Fact]
    public async Task TooManyRequests_Is429RateLimitError_WithoutRetryAfter()
    {
        Simulator.Faults.TooManyRequests = true;
        Simulator.Faults.RetryAfterSeconds = 30;

        var (status, body, response) = await SendAsync(HttpMethod.Get, "/v5/person/enrich?email=jane.doe%40acme.com");

        status.ShouldBe(HttpStatusCode.TooManyRequests);
        body.GetProperty("error").GetProperty("type").GetString().ShouldBe("rate_limit_error");
        response.Headers.RetryAfter.ShouldBeNull();
        Header(response, "x-ratelimit-reset").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Bulk_AnswersEachRequestInOrder_EchoingMetadata()
    {
        const string Body = """
            {"requests":[
              {"metadata":{"user_id":"123"},"params":{"profile":["linkedin.com/in/janedoe"]}},
              {"metadata":{"user_id":"456"},"params":{"email":["nobody@example.org"]}},
              {"metadata":{"user_id":"789"},"params":{"name":["Jane Doe"]}}]}
            """;

        var (status, body, response) = await SendAsync(HttpMethod.Post, "/v5/person/bulk", Body);

        status.ShouldBe(HttpStatusCode.OK);
        var items = body.EnumerateArray().ToList();
        items.Select(i => i.GetProperty("status").GetInt32()).ShouldBe([200, 404, 400]);
        items.Select(i => i.GetProperty("metadata").GetProperty("user_id").GetString()).ShouldBe(["123", "456", "789"]);
        items[0].GetProperty("data").GetProperty("full_name").GetString().ShouldBe("jane doe");
        items[1].GetProperty("error").GetProperty("type").GetString().ShouldBe("not_found");
        Header(response, "x-call-credits-spent").ShouldBe("1");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Bulk_OutsideOneToAHundred_Is400(int count)
    {
        var requests = string.Join(',', Enumerable.Repeat("""{"params":{"email":"jane.doe@acme.com"}}""", count));

        var (status, _, _) = await SendAsync(HttpMethod.Post, "/v5/person/bulk", $$"""{"requests":[{{requests}}]}""");

        status.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", Simulator.ApiKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await _fixture.Client.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone(), response);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(',', values) : string.Empty;
}
