using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Simulators.ZoomInfo;

public sealed class ZoomInfoEnrichTests : IClassFixture<ZoomInfoFixture>
{
    private const string ContactFields = """["id","firstName","lastName","email","phone","jobTitle","managementLevel","jobFunction","contactAccuracyScore","externalUrls","companyName"]""";

    private readonly ZoomInfoFixture _fixture;

    public ZoomInfoEnrichTests(ZoomInfoFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    [Fact]
    public async Task EnrichContact_JaneByEmail_IsAFullMatchInTheLegacyShape()
    {
        var (status, body) = await PostAsync("/enrich/contact", $$"""{"matchPersonInput":[{"emailAddress":"{{SampleIdentifiers.JaneDoeEmail}}"}],"outputFields":{{ContactFields}}}""");

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("success").GetBoolean().ShouldBeTrue();
        var data = body.GetProperty("data");
        data.GetProperty("outputFields")[0][1].GetString().ShouldBe("firstname");
        var result = data.GetProperty("result")[0];
        result.GetProperty("matchStatus").GetString().ShouldBe("FULL_MATCH");
        result.GetProperty("input").GetProperty("emailaddress").GetString().ShouldBe(SampleIdentifiers.JaneDoeEmail);
        var jane = result.GetProperty("data")[0];
        jane.GetProperty("id").GetInt64().ShouldBe(SampleIdentifiers.JaneDoeZoomInfoId);
        jane.GetProperty("firstName").GetString().ShouldBe("Jane");
        jane.GetProperty("phone").GetString().ShouldBe("(415) 222-0123");
        jane.GetProperty("jobTitle").GetString().ShouldBe("VP of Engineering");
        jane.GetProperty("managementLevel")[0].GetString().ShouldBe("VP-Level");
        jane.GetProperty("jobFunction")[0].GetProperty("name").GetString().ShouldBe("Engineering");
        jane.GetProperty("contactAccuracyScore").GetInt32().ShouldBe(99);
        jane.GetProperty("externalUrls")[0].GetProperty("type").GetString().ShouldBe("linkedin.com");
        var company = jane.GetProperty("company");
        company.GetProperty("id").GetInt64().ShouldBe(SampleIdentifiers.AcmeZoomInfoId);
        company.GetProperty("name").GetString().ShouldBe("Acme Inc");
        company.GetProperty("employeeCount").GetInt32().ShouldBe(500);
        company.GetProperty("revenueRange").GetString().ShouldBe("$50 mil. - $100 mil.");
        company.GetProperty("primaryIndustry")[0].GetString().ShouldBe("Software");
    }

    [Fact]
    public async Task EnrichContact_ManyInputs_OneResultEachInOrder_WithNoMatchForUnknowns()
    {
        var dataset = await TestDataset.Shared;
        var jane = dataset.JaneDoe;
        var inputs = $$"""
            [{"personId":{{jane.ZoomInfoId}}},
             {"emailAddress":"{{SampleIdentifiers.UnknownEmail}}"},
             {"phone":"+1 (415) 222-0123"},
             {"firstName":"Jane","lastName":"Doe","companyName":"Acme"},
             {"fullName":"Jane Doe","companyId":{{jane.Company.ZoomInfoId}}},
             {"firstName":"No","lastName":"Body","companyName":"Acme"}]
            """;

        var (status, body) = await PostAsync("/enrich/contact", $$"""{"matchPersonInput":{{inputs}},"outputFields":["firstName"]}""");

        status.ShouldBe(HttpStatusCode.OK);
        var results = body.GetProperty("data").GetProperty("result").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("matchStatus").GetString())
            .ShouldBe(["FULL_MATCH", "NO_MATCH", "FULL_MATCH", "FULL_MATCH", "FULL_MATCH", "NO_MATCH"]);
        results[1].GetProperty("data").GetArrayLength().ShouldBe(0);
        results[4].GetProperty("input").GetProperty("companyid").GetInt64().ShouldBe(jane.Company.ZoomInfoId);
    }

    [Fact]
    public async Task EnrichContact_HonoursOutputFieldsLoosely_AlwaysWithId()
    {
        var (_, body) = await PostAsync("/enrich/contact", $$"""{"matchPersonInput":[{"emailAddress":"{{SampleIdentifiers.JaneDoeEmail}}"}],"outputFields":["FIRSTNAME","noSuchField"]}""");

        var record = body.GetProperty("data").GetProperty("result")[0].GetProperty("data")[0];
        record.EnumerateObject().Select(p => p.Name).ShouldBe(["id", "firstName"]);
    }

    [Fact]
    public async Task EnrichContact_SomeoneZoomInfoDoesNotCover_IsNoMatch()
    {
        var stranger = (await TestDataset.Shared).People.First(p => !ZoomInfoSimulator.Coverage.Knows(p));

        var (_, body) = await PostAsync("/enrich/contact", $$"""{"matchPersonInput":[{"emailAddress":"{{stranger.Email}}"}],"outputFields":["id"]}""");

        body.GetProperty("data").GetProperty("result")[0].GetProperty("matchStatus").GetString().ShouldBe("NO_MATCH");
    }

    [Theory]
    [InlineData("""{"matchPersonInput":[{"emailAddress":"jane.doe@acme.com"}]}""", "Missing outputFields parameter")]
    [InlineData("""{"matchPersonInput":[{"emailAddress":"jane.doe@acme.com"}],"outputFields":[]}""", "Missing outputFields parameter")]
    [InlineData("""{"outputFields":["id"]}""", "Missing matchPersonInput parameter")]
    [InlineData("""{"matchPersonInput":""", "The request body is not valid JSON.")]
    public async Task EnrichContact_InvalidRequests_Are400(string json, string message)
    {
        var (status, body) = await PostAsync("/enrich/contact", json);

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetProperty("message").GetString().ShouldBe(message);
    }

    [Fact]
    public async Task EnrichContact_MoreThan25Inputs_Is400()
    {
        var inputs = string.Join(',', Enumerable.Range(0, 26).Select(i => $$"""{"personId":{{i}}}"""));

        var (status, body) = await PostAsync("/enrich/contact", $$"""{"matchPersonInput":[{{inputs}}],"outputFields":["id"]}""");

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetProperty("status").GetInt32().ShouldBe(400);
    }

    [Theory]
    [InlineData("""{"companyWebsite":"https://www.acme.com"}""")]
    [InlineData("""{"companyName":"Acme Inc"}""")]
    [InlineData("""{"companyId":300000011}""")]
    public async Task EnrichCompany_FindsAcmeByAnyInput(string input)
    {
        var (status, body) = await PostAsync("/enrich/company", $$"""{"matchCompanyInput":[{{input}}],"outputFields":["id","name","website","revenue","employeeCount","primaryIndustry","foundedYear","socialMediaUrls"]}""");

        status.ShouldBe(HttpStatusCode.OK);
        var result = body.GetProperty("data").GetProperty("result")[0];
        result.GetProperty("matchStatus").GetString().ShouldBe("FULL_MATCH");
        var acme = result.GetProperty("data")[0];
        acme.GetProperty("id").GetInt64().ShouldBe(SampleIdentifiers.AcmeZoomInfoId);
        acme.GetProperty("website").GetString().ShouldBe("www.acme.com");
        acme.GetProperty("revenue").GetInt64().ShouldBe(75_000);
        acme.GetProperty("employeeCount").GetInt32().ShouldBe(500);
        acme.GetProperty("socialMediaUrls")[0].GetProperty("type").GetString().ShouldBe("LINKED_IN");
        acme.TryGetProperty("phone", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task EnrichCompany_ByTicker_FindsAPublicCompany()
    {
        var listed = (await TestDataset.Shared).Companies.First(c => c.Ticker is not null && ZoomInfoSimulator.Coverage.Knows(c));

        var (_, body) = await PostAsync("/enrich/company", $$"""{"matchCompanyInput":[{"companyTicker":"{{listed.Ticker}}"}],"outputFields":["name"]}""");

        body.GetProperty("data").GetProperty("result")[0].GetProperty("data")[0].GetProperty("name").GetString().ShouldBe(listed.Name);
    }

    [Fact]
    public async Task Answers_CarryTheLegacyRateLimitHeaders_WithResetAsEpochSeconds()
    {
        using var response = await SendAsync("/enrich/company", """{"matchCompanyInput":[{"companyName":"Acme"}],"outputFields":["id"]}""");

        response.Headers.GetValues("X-RateLimit-Limit").Single().ShouldBe("1500");
        response.Headers.GetValues("X-RateLimit-Remaining").Single().ShouldNotBeNullOrEmpty();
        var reset = long.Parse(response.Headers.GetValues("X-RateLimit-Reset").Single(), CultureInfo.InvariantCulture);
        DateTimeOffset.FromUnixTimeSeconds(reset).ShouldBeGreaterThan(DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task TooManyRequests_AnswersTheZi0004EnvelopeWithRetryAfter()
    {
        _fixture.Simulator.Faults.TooManyRequests = true;
        _fixture.Simulator.Faults.RetryAfterSeconds = 3;

        using var response = await _fixture.Client.PostAsync("/authenticate", Json("""{"username":"sandbox","password":"sandbox"}"""));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(3));
        var error = body.RootElement.GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("ZI0004");
        error.GetProperty("retryable").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task FailStatus_AnswersAPfapiEnvelope()
    {
        var jwt = await AuthenticateAsync();
        _fixture.Simulator.Faults.FailStatus = 500;

        using var response = await SendAsync("/enrich/company", """{"matchCompanyInput":[{"companyName":"Acme"}],"outputFields":["id"]}""", jwt);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        body.RootElement.GetProperty("error").GetProperty("code").GetString().ShouldBe("PFAPI0007");
    }

    [Fact]
    public async Task CreditsExhausted_Answers403WithTheRecordLimitMessage()
    {
        var jwt = await AuthenticateAsync();
        _fixture.Simulator.Faults.CreditsExhausted = true;

        using var response = await SendAsync("/enrich/contact", """{"matchPersonInput":[{"emailAddress":"jane.doe@acme.com"}],"outputFields":["id"]}""", jwt);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        body.RootElement.GetProperty("error").GetProperty("message").GetString().ShouldBe("You have used up all of your allowed record limit");
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, string json)
    {
        using var response = await SendAsync(path, json);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone());
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string json, string? jwt = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(json) };
        request.Headers.Authorization = new("Bearer", jwt ?? await AuthenticateAsync());
        return await _fixture.Client.SendAsync(request);
    }

    private async Task<string> AuthenticateAsync()
    {
        using var response = await _fixture.Client.PostAsync("/authenticate", Json("""{"username":"sandbox","password":"sandbox"}"""));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jwt").GetString()!;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
