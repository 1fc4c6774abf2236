using System.Text.Json;
using System.Text.Json.Nodes;
using Tributary.Host.Cli;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Exports;

/// <summary>
/// The import-ready files, checked field by field against a live <c>/v1/enrich</c> answer and the OpenAPI document
/// of a running gateway with custom CRM fields: each member present, with the JSON type it has on the wire.
/// </summary>
public sealed class ExportTests(HostileCrm fixture) : IClassFixture<HostileCrm>
{
    private const string GatewayUrl = "https://gw.example.com";

    [Fact]
    public async Task GenesysDataAction_ListsEveryLiveMember_TypedLikeTheAnswerAndTheOpenApiDocument()
    {
        var action = await ExportAsync("genesys-data-action");
        var answer = await LiveAnswerAsync();
        var openApi = await OpenApiSchemaAsync();

        var schema = action["contract"]!["output"]!["successSchema"]!["properties"]!.AsObject();
        var translationMap = action["config"]!["response"]!["translationMap"]!.AsObject();
        var defaults = action["config"]!["response"]!["translationMapDefaults"]!.AsObject();
        schema.Select(p => p.Key).ShouldBe(answer.EnumerateObject().Select(p => p.Name));
        schema.Select(p => p.Key).Order().ShouldBe(openApi.Select(p => p.Key).Order());
        foreach (var member in answer.EnumerateObject())
        {
            var type = schema[member.Name]!["type"]!.GetValue<string>();
            Fits(type, member.Value).ShouldBeTrue($"{member.Name}: {type} vs {member.Value.ValueKind}");
            openApi[member.Name]!["type"]!.GetValue<string>().ShouldBe(type, member.Name);
            translationMap[member.Name]!.GetValue<string>().ShouldBe($"$.{member.Name}");

            // A default is a JSON literal of the member's own type.
            TypeOf(JsonDocument.Parse(defaults[member.Name]!.GetValue<string>()).RootElement).ShouldBe(type == "number" ? "integer" : type, member.Name);
        }

        schema.ContainsKey("loyaltyTier").ShouldBeTrue();
    }

    [Fact]
    public async Task GenesysDataAction_IsImportShaped_WithCredentialsEscapedInputsAndAWorkingTemplate()
    {
        var action = await ExportAsync("genesys-data-action");

        action["integrationType"]!.GetValue<string>().ShouldBe("custom-rest-actions");
        action["actionType"]!.GetValue<string>().ShouldBe("custom");
        var config = action["config"]!;
        config["timeoutSeconds"]!.GetValue<int>().ShouldBeInRange(1, 60);
        config["request"]!["requestUrlTemplate"]!.GetValue<string>().ShouldBe($"{GatewayUrl}/v1/enrich");
        config["request"]!["requestType"]!.GetValue<string>().ShouldBe("POST");
        config["request"]!["headers"]!["Authorization"]!.GetValue<string>().ShouldBe("Bearer ${credentials.apiKey}");
        config["request"]!["requestTemplate"]!.GetValue<string>().ShouldContain("$esc.jsonString(${input.phone})");

        // The success template with every translation at its default is the all-empty flat answer.
        var template = config["response"]!["successTemplate"]!.GetValue<string>();
        foreach (var (name, literal) in config["response"]!["translationMapDefaults"]!.AsObject())
        {
            template = template.Replace($"${{{name}}}", literal!.GetValue<string>(), StringComparison.Ordinal);
        }

        var filled = JsonDocument.Parse(template).RootElement;
        filled.GetProperty("name").GetString().ShouldBe(string.Empty);
        filled.GetProperty("employeeCount").GetInt64().ShouldBe(0);
        filled.GetProperty("partial").GetBoolean().ShouldBeFalse();
        filled.EnumerateObject().Count().ShouldBe(action["contract"]!["output"]!["successSchema"]!["properties"]!.AsObject().Count);
    }

    [Fact]
    public async Task CxoneSnippet_MapsEveryLiveMember_AndAsksForAnAnswerUnder32Kb()
    {
        var snippet = await ExportAsync("cxone-snippet");
        var answer = await LiveAnswerAsync();

        var outputs = snippet["outputs"]!.AsArray().Select(o => (Field: o!["field"]!.GetValue<string>(), Type: o["type"]!.GetValue<string>())).ToList();
        outputs.Select(o => o.Field).ShouldBe(answer.EnumerateObject().Select(p => p.Name));
        foreach (var (field, type) in outputs)
        {
            Fits(type, answer.GetProperty(field)).ShouldBeTrue(field);
            snippet["snippetAfter"]!.GetValue<string>().ShouldContain($"= enrichResult.{field}\n");
        }

        snippet["restApiAction"]!["url"]!.GetValue<string>().ShouldBe($"{GatewayUrl}/v1/enrich?maxBytes=32768");
        snippet["restApiAction"]!["verb"]!.GetValue<string>().ShouldBe("POST");
    }

    [Fact]
    public async Task CxoneSnippet_AFieldNameThatIsNotAnIdentifier_IsNeverReadAsASubtraction()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] settings =
        [
            "--Providers:Http:Loyalty:BaseUrl=http://127.0.0.1:9",
            "--Providers:Http:Loyalty:PathTemplate=/customers/{email}",
            "--Providers:Http:Loyalty:Mapping:loyalty-tier=data.tier",
            "--Providers:Http:Loyalty:Mapping:loyaltyPoints=data.points",
        ];

        var exit = await TributaryCli.RunAsync(["export", "cxone-snippet", "--gateway-url", GatewayUrl, .. settings], output, error);

        exit.ShouldBe(ExitCodes.Success, error.ToString());
        var snippet = JsonNode.Parse(output.ToString())!;
        var after = snippet["snippetAfter"]!.GetValue<string>();
        after.ShouldNotContain("loyalty-tier");
        after.ShouldContain("ASSIGN enrichLoyaltyPoints = enrichResult.loyaltyPoints\n");
        foreach (var line in after.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            line.ShouldMatch("^ASSIGN [A-Za-z_][A-Za-z0-9_]* = enrichResult\\.[A-Za-z_][A-Za-z0-9_]*$");
        }

        var member = snippet["outputs"]!.AsArray().Single(o => o!["field"]!.GetValue<string>() == "loyalty-tier")!;
        member["variable"].ShouldBeNull("not copied: it has no variable");
        snippet["notes"]!.GetValue<string>().ShouldContain("loyalty-tier");
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("https://gw.example.com/base/?x=1")]
    [InlineData("https://gw.example.com/base#top")]
    [InlineData("https://gw.example.com/a${input.phone}/")]
    public async Task Export_WithABadGatewayUrl_ExitsWith2(string url)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await TributaryCli.RunAsync(["export", "genesys-data-action", "--gateway-url", url], output, error);

        exit.ShouldBe(ExitCodes.BadArguments);
        error.ToString().ShouldContain("--gateway-url");
    }

    /// <summary>The export as <c>tributary export</c> prints it, for the fixture's configuration.</summary>
    private async Task<JsonNode> ExportAsync(string what)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await TributaryCli.RunAsync(["export", what, "--gateway-url", GatewayUrl, .. fixture.Settings], output, error);
        exit.ShouldBe(ExitCodes.Success, error.ToString());
        return JsonNode.Parse(output.ToString())!;
    }

    private async Task<JsonElement> LiveAnswerAsync()
    {
        var answer = await fixture.Gateway.EnrichAsync<JsonElement>($$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""");
        answer.GetProperty("loyaltyTier").GetString().ShouldBe(HostileCrm.HugeTier, "the CRM answered");
        return answer;
    }

    private async Task<JsonObject> OpenApiSchemaAsync()
    {
        var document = JsonNode.Parse(await fixture.Gateway.Client.GetStringAsync("/openapi/v1.json"))!;
        return document["components"]!["schemas"]!["FlatEnrichResponse"]!["properties"]!.AsObject();
    }

    /// <summary>Whether a live value has the JSON Schema type (an integer is a number too: confidence 1 is written as 1).</summary>
    private static bool Fits(string type, JsonElement value) =>
        TypeOf(value) == type || (type == "number" && TypeOf(value) == "integer");

    private static string TypeOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => value.TryGetInt64(out _) && !value.GetRawText().Contains('.', StringComparison.Ordinal) ? "integer" : "number",
        var kind => kind.ToString(),
    };
}
