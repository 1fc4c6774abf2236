using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Pipeline;

/// <summary>
/// The pipeline over HTTP on the real gateway in sandbox mode, for records staged with <c>"source": "none"</c>
/// (enriched into the warehouse tables, no CRM): staging, the worker, the tables, runs and dead letters.
/// </summary>
public sealed class PipelineApiTests : IAsyncLifetime
{
    private GatewayServer _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayServer.StartAsync("--Pipeline:PollMilliseconds=50", "--Pipeline:MaxStagingBodyBytes=2000000");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private HttpClient Client => _gateway.Client;

    [Fact]
    public async Task Staged_None_Records_AreEnrichedIntoTheTables_AndTheRunIsRecorded()
    {
        using var staged = await Client.PostAsync("/v1/staging", new StringContent($$"""
            [{"source":"none","id":"jane","email":"{{SampleIdentifiers.JaneDoeEmail}}"},
             {"source":"none","id":"nobody","email":"{{SampleIdentifiers.UnknownEmail}}"},
             {"source":"none","domain":"acme.com"}]
            """));

        staged.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await staged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("staged").GetInt32().ShouldBe(3);
        var status = await PipelineProbe.WaitForRunAsync(Client);
        status.GetProperty("staged").GetInt64().ShouldBe(0);
        status.GetProperty("enriched").GetInt64().ShouldBe(2);
        status.GetProperty("unmatched").GetInt64().ShouldBe(1);
        status.GetProperty("deadLetters").GetInt64().ShouldBe(0);
        var run = status.GetProperty("runs")[0];
        run.GetProperty("processed").GetInt64().ShouldBe(3);
        run.GetProperty("enriched").GetInt64().ShouldBe(2);
        run.GetProperty("unmatched").GetInt64().ShouldBe(1);
        run.GetProperty("failed").GetInt64().ShouldBe(0);
        run.GetProperty("failureRate").GetDouble().ShouldBe(0);
        run.GetProperty("credits").GetDecimal().ShouldBeGreaterThan(0);
        run.GetProperty("apiVersions").EnumerateObject().Select(p => p.Name).ShouldContain("clearbit");

        var contact = await _gateway.Services.GetRequiredService<IEnrichedContactStore>().GetAsync("none:jane", CancellationToken.None);
        contact.ShouldNotBeNull();
        contact.FullName.ShouldBe("Jane Doe");
        contact.EmailHash.ShouldNotBeNull();
        contact.EmailHash.ShouldNotContain("@");
        var unmatched = await _gateway.Services.GetRequiredService<IUnmatchedRecordStore>().GetAsync("none:nobody", CancellationToken.None);
        unmatched!.Reason.ShouldBe("no_match");
    }

    [Theory]
    [InlineData("""{"source":"none","email":"a@b.co"}""", "body")]
    [InlineData("""[]""", "body")]
    [InlineData("""[{"source":"pipedrive","crmId":"1"}]""", "[0]")]
    [InlineData("""[{"source":"none"}]""", "[0]")]
    [InlineData("""[{"email":"a@b.co"}]""", "[0]")]
    [InlineData("""[{"source":"none","email":"a@b.co"},{"source":"none","id":"'; DROP TABLE staged_records;--","email":"a@b.co"}]""", "[1]")]
    [InlineData("""[{"source":"none","email":"a@b.co"}, null]""", "[1]")]
    [InlineData("""[{"source":"none","email":"a@b.co"}""", "body")]
    [InlineData("""[{"source":"none","email":["a@b.co"]}]""", "[0]")]
    [InlineData("""[{"source":"salesforce","crmId":{"id":5}}]""", "[0]")]
    [InlineData("""[{"source":"none","email":"a@b.co"},{"source":"none","email":"a@b.co","email":"c@d.co"}]""", "[1]")]
    public async Task Staging_BadInput_Is400_NamingTheRecord_AndStagesNothing(string body, string field)
    {
        using var response = await Client.PostAsync("/v1/staging", new StringContent(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString().ShouldBe(field);
        (await _gateway.Services.GetRequiredService<IStagingQueue>().CountAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Theory]
    [InlineData("""[{"source":"salesforce","crmId":{"id":5}}]""", "Record 0: 'crmId' must be text or a number.")]
    [InlineData("""[{"source":"none","email":["a@b.co"]}]""", "Record 0: 'email' must be text.")]
    [InlineData("""{"source":"none","email":"a@b.co"}""", "The body must be a JSON array of records, even for one record")]
    [InlineData("""[{"source":"none",""", "The body is not valid JSON")]
    public async Task Staging_BadInput_IsExplainedInTheCallersTerms_WithoutDotNetTypeNames(string body, string detail)
    {
        using var response = await Client.PostAsync("/v1/staging", new StringContent(body));

        var problem = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        problem.ShouldStartWith(detail);
        problem.ShouldNotContain("System");
        problem.ShouldNotContain("Tributary");
        problem.ShouldNotContain("$.");
    }

    [Fact]
    public async Task Staging_ANumericCrmIdOrId_IsTakenAsItsDigits()
    {
        using var response = await Client.PostAsync("/v1/staging", new StringContent(
            """[{"source":"hubspot","crmId":1002},{"source":"none","id":42,"email":"a@b.co"}]"""));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("staged").GetInt32().ShouldBe(2);
        await PipelineProbe.WaitForRunAsync(Client);
        (await _gateway.Services.GetRequiredService<IEnrichedContactStore>().GetAsync("hubspot:1002", CancellationToken.None)).ShouldNotBeNull();
        (await _gateway.Services.GetRequiredService<IUnmatchedRecordStore>().GetAsync("none:42", CancellationToken.None)
            ?? (object?)await _gateway.Services.GetRequiredService<IEnrichedContactStore>().GetAsync("none:42", CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Staging_TooManyRecords_Is400()
    {
        var many = "[" + string.Join(',', Enumerable.Range(0, 10_001).Select(i => $$"""{"source":"none","id":"{{i}}","domain":"acme.com"}""")) + "]";

        using var tooMany = await Client.PostAsync("/v1/staging", new StringContent(many));

        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DeadLetters_AreListed_AndAReplay_StagesTheRecordAgain()
    {
        var store = _gateway.Services.GetRequiredService<IDeadLetterStore>();
        await store.AddAsync(new NewDeadLetter("pipeline", "none", "jane", """{"payload":"{\"email\":\"jane.doe@acme.com\"}"}""", "server_error", 5, DateTimeOffset.UtcNow), CancellationToken.None);
        var listed = await Client.GetFromJsonAsync<JsonElement>("/v1/dead-letters");
        var id = listed[0].GetProperty("id").GetInt64();

        using var replayed = await Client.PostAsync($"/v1/dead-letters/{id}/replay", null);
        using var again = await Client.PostAsync($"/v1/dead-letters/{id}/replay", null);

        listed.GetArrayLength().ShouldBe(1);
        listed[0].GetProperty("reason").GetString().ShouldBe("server_error");
        listed[0].GetProperty("source").GetString().ShouldBe("none");
        listed[0].TryGetProperty("payload", out _).ShouldBeFalse();
        replayed.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await PipelineProbe.WaitForRunAsync(Client);
        (await _gateway.Services.GetRequiredService<IEnrichedContactStore>().GetAsync("none:jane", CancellationToken.None))!.FullName.ShouldBe("Jane Doe");
        (await store.CountAsync(CancellationToken.None)).ShouldBe(0);
    }
}
