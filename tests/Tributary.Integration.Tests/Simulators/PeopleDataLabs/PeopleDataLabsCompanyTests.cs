using System.Net;
using System.Text;
using System.Text.Json;

namespace Tributary.IntegrationTests.Simulators.PeopleDataLabs;

public sealed class PeopleDataLabsCompanyTests : IClassFixture<PeopleDataLabsFixture>
{
    private readonly PeopleDataLabsFixture _fixture;

    public PeopleDataLabsCompanyTests(PeopleDataLabsFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
        fixture.Simulator.CreditsRemaining = 1_000_000;
    }

    [Theory]
    [InlineData("website=acme.com")]
    [InlineData("website=https%3A%2F%2Fwww.acme.com")]
    [InlineData("name=Acme%20Inc")]
    [InlineData("profile=linkedin.com/company/acme")]
    public async Task Enrich_Acme_IsAFlatRecordWithStatusAndLikelihood(string query)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/v5/company/enrich?" + query);

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("status").GetInt32().ShouldBe(200);
        body.GetProperty("name").GetString().ShouldBe("acme inc");
        body.GetProperty("display_name").GetString().ShouldBe("Acme Inc");
        body.GetProperty("website").GetString().ShouldBe("acme.com");
        body.GetProperty("size").GetString().ShouldBe("201-500");
        body.GetProperty("employee_count").GetInt32().ShouldBe(500);
        body.GetProperty("industry").GetString().ShouldBe("computer software");
        body.GetProperty("inferred_revenue").GetString().ShouldBe("$50M-$100M");
        body.GetProperty("location").GetProperty("locality").GetString().ShouldBe("san francisco");
        body.GetProperty("likelihood").GetInt32().ShouldBeInRange(1, 10);
    }

    [Fact]
    public async Task Enrich_WithoutInput_Is400_AndUnknownIs404()
    {
        var (missing, _) = await SendAsync(HttpMethod.Get, "/v5/company/enrich");
        var (unknown, body) = await SendAsync(HttpMethod.Get, "/v5/company/enrich?website=unknown-company.com");

        missing.ShouldBe(HttpStatusCode.BadRequest);
        unknown.ShouldBe(HttpStatusCode.NotFound);
        body.GetProperty("error").GetProperty("type").GetString().ShouldBe("not_found");
    }

    [Fact]
    public async Task Bulk_AnswersEachRequestInOrder_EchoingMetadata()
    {
        const string Body = """{"requests":[{"params":{"website":"acme.com"},"metadata":{"row":1}},{"params":{"website":"unknown-company.com"},"metadata":{"row":2}}]}""";

        var (status, body) = await SendAsync(HttpMethod.Post, "/v5/company/enrich/bulk", Body);

        status.ShouldBe(HttpStatusCode.OK);
        var items = body.EnumerateArray().ToList();
        items[0].GetProperty("status").GetInt32().ShouldBe(200);
        items[0].GetProperty("display_name").GetString().ShouldBe("Acme Inc");
        items[0].GetProperty("metadata").GetProperty("row").GetInt32().ShouldBe(1);
        items[1].GetProperty("status").GetInt32().ShouldBe(404);
        items[1].GetProperty("metadata").GetProperty("row").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task CreditsExhaustedFault_Is402()
    {
        _fixture.Simulator.Faults.CreditsExhausted = true;

        var (status, body) = await SendAsync(HttpMethod.Get, "/v5/company/enrich?website=acme.com");

        status.ShouldBe(HttpStatusCode.PaymentRequired);
        body.GetProperty("status").GetInt32().ShouldBe(402);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", _fixture.Simulator.ApiKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _fixture.Client.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone());
    }
}
