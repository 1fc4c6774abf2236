using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tributary.IntegrationTests.Connectors;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Jobs;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Gateway;

/// <summary>
/// Custom fields of a configured REST provider (an in-house CRM) in the flat contract: every answer of
/// <c>/v1/enrich</c> and every job result line has them, <c>""</c> when unknown, and the OpenAPI document lists them.
/// </summary>
public sealed class CustomFlatFieldsTests : IAsyncLifetime
{
    private const string CrmToken = "crm-secret";

    /// <summary>The standard members of the flat answer, in order; the custom fields sit between the fields and confidence.</summary>
    private static readonly string[] StandardFields =
    [
        "name", "firstName", "lastName", "email", "phone", "jobTitle", "seniority", "department", "companyName",
        "companyDomain", "industry", "employeeCount", "revenueRange", "linkedinUrl", "city", "country",
    ];

    private static readonly string[] AnswerMembers = ["confidence", "source", "partial", "requestId", "providers"];

    private StubApi _crm = null!;
    private GatewayServer _gateway = null!;

    public async Task InitializeAsync()
    {
        _crm = await StubApi.StartAsync(MapCrm);
        _gateway = await GatewayServer.StartAsync(
            "--Sandbox:Enabled=true", // a real CRM, tried against the simulated providers
            $"--Providers:Http:Crm:BaseUrl={_crm.BaseUrl}",
            "--Providers:Http:Crm:PathTemplate=/customers/{email}",
            "--Providers:Http:Crm:Auth:Style=bearer",
            $"--Providers:Http:Crm:Auth:Token={CrmToken}",
            "--Providers:Http:Crm:Mapping:loyaltyTier=data.customer.tier",
            "--Providers:Http:Crm:Mapping:crmAccountId=data.customer.id",
            "--Providers:Http:Crm:Mapping:lifetimeValue=data.customer.lifetimeValue",
            "--Providers:Http:Crm:Mapping:openCases=data.customer.openCases",
            "--Providers:Http:Crm:Mapping:jobTitle=data.customer.title");
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _crm.DisposeAsync();
    }

    private static void MapCrm(WebApplication app) =>
        app.MapGet("/customers/{email}", (string email, HttpRequest request) =>
            request.Headers.Authorization != $"Bearer {CrmToken}" ? Results.StatusCode(401)
            : email == SampleIdentifiers.JaneDoeEmail ? Results.Text(
                """{"data":{"customer":{"id":"CRM-0001","tier":"gold","lifetimeValue":4200,"openCases":0,"title":"VP of Engineering"}}}""", "application/json")
            : Results.NotFound());

    [Fact]
    public async Task Enrich_KnownToTheCrm_HasItsCustomFieldsAsStrings_AfterTheStandardFields()
    {
        var body = await _gateway.EnrichAsync<JsonElement>($$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""");

        // Custom fields in the mapping's order (configuration lists keys by name); jobTitle is a standard field.
        body.EnumerateObject().Select(p => p.Name).ShouldBe([.. StandardFields, "crmAccountId", "lifetimeValue", "loyaltyTier", "openCases", .. AnswerMembers]);
        body.GetProperty("loyaltyTier").GetString().ShouldBe("gold");
        body.GetProperty("crmAccountId").GetString().ShouldBe("CRM-0001");
        body.GetProperty("lifetimeValue").GetString().ShouldBe("4200");
        body.GetProperty("openCases").GetString().ShouldBe("0", "a CRM's 0 is a value, not unknown");
        body.GetProperty("name").GetString().ShouldBe("Jane Doe");
        body.GetProperty("providers").GetString()!.ShouldContain("crm:matched:");
    }

    [Fact]
    public async Task Enrich_UnknownToTheCrm_StillHasEveryCustomFieldEmpty()
    {
        var body = await _gateway.EnrichAsync<JsonElement>($$"""{"email":"{{SampleIdentifiers.UnknownEmail}}"}""");

        body.GetProperty("loyaltyTier").ValueKind.ShouldBe(JsonValueKind.String);
        body.GetProperty("loyaltyTier").GetString().ShouldBe(string.Empty);
        body.GetProperty("crmAccountId").GetString().ShouldBe(string.Empty);
        body.GetProperty("lifetimeValue").GetString().ShouldBe(string.Empty);
        body.GetProperty("providers").GetString()!.ShouldContain("crm:no_match:");
    }

    [Fact]
    public async Task OpenApi_ListsTheCustomFieldsInTheFlatSchema()
    {
        var document = JsonNode.Parse(await _gateway.Client.GetStringAsync("/openapi/v1.json"))!;

        var schema = document["components"]!["schemas"]!["FlatEnrichResponse"]!;
        var properties = schema["properties"]!.AsObject().Select(p => p.Key).ToArray();
        properties.ShouldBe([.. StandardFields, "crmAccountId", "lifetimeValue", "loyaltyTier", "openCases", .. AnswerMembers]);
        schema["properties"]!["loyaltyTier"]!["type"]!.GetValue<string>().ShouldBe("string");
        schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldContain("loyaltyTier");
        document["paths"]!["/v1/enrich"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!
            .GetValue<string>().ShouldBe("#/components/schemas/FlatEnrichResponse");
    }

    [Fact]
    public async Task JobResultLines_HaveTheCustomFields_AndEchoTheCallersOwnIds()
    {
        var id = await JobsClient.SubmitAsync(_gateway.Client, $$"""
            [{"id":"lead-17","email":"{{SampleIdentifiers.JaneDoeEmail}}"},
             {"externalId":4711,"email":"{{SampleIdentifiers.UnknownEmail}}"},
             {"id":"lead-19","externalId":"ext-19","email":"not-an-email"},
             {"email":"{{SampleIdentifiers.UnknownEmail}}"}]
            """);

        (await JobsClient.WaitForCompletionAsync(_gateway.Client, id)).GetProperty("status").GetString().ShouldBe("completed");
        var results = await JobsClient.ResultsAsync(_gateway.Client, id);

        results[0].GetProperty("id").GetString().ShouldBe("lead-17");
        results[0].GetProperty("loyaltyTier").GetString().ShouldBe("gold");
        results[0].GetProperty("status").GetString().ShouldBe("matched");
        results[1].GetProperty("externalId").GetInt32().ShouldBe(4711);
        results[1].TryGetProperty("id", out _).ShouldBeFalse();
        results[1].GetProperty("status").GetString().ShouldBe("unmatched");
        results[1].GetProperty("loyaltyTier").GetString().ShouldBe(string.Empty);
        results[2].EnumerateObject().Select(p => p.Name).Take(5).ShouldBe(["index", "id", "externalId", "status", "reason"]);
        results[2].GetProperty("status").GetString().ShouldBe("rejected");
        results[2].GetProperty("crmAccountId").GetString().ShouldBe(string.Empty);
        results[3].TryGetProperty("id", out _).ShouldBeFalse();
        results[3].TryGetProperty("externalId", out _).ShouldBeFalse();
    }
}
