using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Pipeline;

/// <summary>
/// Salesforce change events relayed to <c>/webhooks/salesforce</c> in sandbox mode: verified, staged, read from the
/// Salesforce simulator, enriched and written back with sObject Collections, protected fields left alone.
/// </summary>
public sealed class SalesforcePipelineTests : IAsyncLifetime
{
    private const string Secret = "salesforce-sandbox-secret";

    private GatewayServer _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayServer.StartAsync(
        "--Pipeline:PollMilliseconds=50", "--Pipeline:RetryBaseSeconds=0.05", "--Pipeline:WriteBack:Protected:0=Department");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private SalesforceSimulator Salesforce => _gateway.Services.GetRequiredService<SandboxSimulators>().Salesforce;

    [Fact]
    public async Task ARelayedCreate_OfAContactWithBlanks_IsWrittenBack_AndAProtectedValueIsKept()
    {
        var contact = Salesforce.AddRecord("Contact", null, new Dictionary<string, string?>
        {
            ["Email"] = SampleIdentifiers.JaneDoeEmail, ["FirstName"] = "Jane", ["LastName"] = "Doe", ["Department"] = "Typed by a person",
        });
        var lead = Salesforce.AddRecord("Lead", null, new Dictionary<string, string?> { ["Email"] = SampleIdentifiers.JaneDoeEmail, ["LastName"] = "Doe", ["Company"] = "Acme" });

        using var response = await PostAsync(Event("CREATE", "Contact", "tx-1", contact) + "," + Event("CREATE", "Lead", "tx-2", lead), Secret);
        await PipelineProbe.WaitForRunAsync(_gateway.Client);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var written = Salesforce.GetRecord(contact)!.Fields;
        written["Title"].ShouldBe("VP of Engineering");
        written["MailingCity"].ShouldBe("San Francisco");
        written["Department"].ShouldBe("Typed by a person");
        Salesforce.GetRecord(lead)!.Fields["Title"].ShouldBe("VP of Engineering");
        Salesforce.GetRecord(lead)!.Fields["Company"].ShouldBe("Acme");
        Salesforce.Writes.ShouldAllBe(w => w.Applied);
        var run = (await _gateway.Client.GetFromJsonAsync<JsonElement>("/v1/pipeline")).GetProperty("runs")[0];
        run.GetProperty("crmUsage").GetProperty("salesforce").GetString()!.ShouldStartWith("api-usage=");
    }

    [Fact]
    public async Task ARunThatCallsNoCrm_ShowsNoCrmUsage_NotAnEarlierRunsFigure()
    {
        var contact = Salesforce.AddRecord("Contact", null, new Dictionary<string, string?> { ["Email"] = SampleIdentifiers.JaneDoeEmail, ["LastName"] = "Doe" });
        using var relayed = await PostAsync(Event("CREATE", "Contact", "tx-usage", contact), Secret);
        await PipelineProbe.WaitForRunAsync(_gateway.Client);

        using var staged = await _gateway.Client.PostAsync("/v1/staging", new StringContent($$"""[{"source":"none","id":"no-crm","email":"{{SampleIdentifiers.JaneDoeEmail}}"}]"""));
        JsonElement runs = default;
        await Eventually.TrueAsync(
            async () =>
            {
                runs = (await _gateway.Client.GetFromJsonAsync<JsonElement>("/v1/pipeline")).GetProperty("runs");
                return runs.GetArrayLength() == 2 && runs[0].TryGetProperty("finishedAt", out var finished) && finished.ValueKind != JsonValueKind.Null;
            },
            "the second run to finish");

        runs[1].GetProperty("crmUsage").GetProperty("salesforce").GetString()!.ShouldStartWith("api-usage=");
        (runs[0].TryGetProperty("crmUsage", out var usage) && usage.ValueKind == JsonValueKind.Object ? usage.EnumerateObject().Count() : 0).ShouldBe(0);
    }

    [Fact]
    public async Task OurOwnChanges_AreIgnored_AndAReplayOfEitherIsADuplicate()
    {
        var contact = SalesforceSimulator.SeededContactIds[0];
        var own = Event("UPDATE", "Contact", "tx-own", contact, origin: "com/salesforce/api/rest/62.0;client=tributary");
        var theirs = Event("UPDATE", "Contact", "tx-3", contact);

        using var ignored = await PostAsync(own, Secret);
        using var ignoredAgain = await PostAsync(own, Secret);
        var stagedAfterOwn = await _gateway.Services.GetRequiredService<IStagingQueue>().CountAsync(CancellationToken.None);
        using var first = await PostAsync(theirs, Secret);
        using var replay = await PostAsync(theirs, Secret);

        ignored.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await ignored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32().ShouldBe(0);
        stagedAfterOwn.ShouldBe(0);
        ignoredAgain.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ignoredAgain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean().ShouldBeTrue();
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("wrong-secret", 0)]
    [InlineData(Secret, -400)]
    [InlineData(Secret, 400)]
    public async Task ForgedOrStaleRelays_Are401_AndStageNothing(string secret, int secondsOff)
    {
        using var response = await PostAsync(Event("CREATE", "Contact", "tx-9", SalesforceSimulator.SeededContactIds[1]), secret, secondsOff);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _gateway.Services.GetRequiredService<IStagingQueue>().CountAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task AnAlteredBody_Is401_AndASignedGarbageBody_Is400()
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var altered = new HttpRequestMessage(HttpMethod.Post, "/webhooks/salesforce") { Content = new StringContent("[" + Event("CREATE", "Contact", "tx-a", "003000000000001AAA") + "]") };
        altered.Headers.Add("X-Tributary-Timestamp", timestamp);
        altered.Headers.Add("X-Tributary-Signature", Sign(Secret, timestamp, "[]"));

        using var tampered = await _gateway.Client.SendAsync(altered);
        using var garbage = await PostRawAsync("{\"data\": 42", Secret);

        tampered.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        garbage.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ASignatureInUpperCaseHex_IsAccepted()
    {
        var body = "[" + Event("CREATE", "Contact", "tx-upper", SalesforceSimulator.SeededContactIds[1]) + "]";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/salesforce") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Tributary-Timestamp", timestamp);
        request.Headers.Add("X-Tributary-Signature", "sha256=" + Sign(Secret, timestamp, body)["sha256=".Length..].ToUpperInvariant());

        using var response = await _gateway.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    private static string Event(string changeType, string entity, string transaction, string recordId, string origin = "com/salesforce/api/rest/62.0;client=SfdcInternalAPI") =>
        $$$"""{"data":{"schema":"x","payload":{"ChangeEventHeader":{"entityName":"{{{entity}}}","recordIds":["{{{recordId}}}"],"changeType":"{{{changeType}}}","changeOrigin":"{{{origin}}}","transactionKey":"{{{transaction}}}","sequenceNumber":1,"commitTimestamp":1741100531000,"changedFields":[]}},"event":{"replayId":6}},"channel":"/data/ChangeEvents"}""";

    private Task<HttpResponseMessage> PostAsync(string events, string secret, int secondsOff = 0) => PostRawAsync("[" + events + "]", secret, secondsOff);

    private async Task<HttpResponseMessage> PostRawAsync(string body, string secret, int secondsOff = 0)
    {
        var timestamp = DateTimeOffset.UtcNow.AddSeconds(secondsOff).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/salesforce") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Tributary-Timestamp", timestamp);
        request.Headers.Add("X-Tributary-Signature", Sign(secret, timestamp, body));
        return await _gateway.Client.SendAsync(request);
    }

    private static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));
}
