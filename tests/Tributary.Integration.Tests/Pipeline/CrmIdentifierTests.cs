using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Pipeline;

/// <summary>
/// Identifiers read from a CRM are free text: one that does not parse is left out when another is usable, so the
/// record is still enriched; only a record with nothing usable left goes unmatched, for that reason.
/// </summary>
public sealed class CrmIdentifierTests : IAsyncLifetime
{
    private GatewayServer _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayServer.StartAsync("--Pipeline:PollMilliseconds=50", "--Pipeline:RetryBaseSeconds=0.05");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private SalesforceSimulator Salesforce => _gateway.Services.GetRequiredService<SandboxSimulators>().Salesforce;

    private HubSpotSimulator HubSpot => _gateway.Services.GetRequiredService<SandboxSimulators>().HubSpot;

    [Theory]
    [InlineData("n/a")]
    [InlineData("+15550001111")]
    public async Task ASalesforceContact_WithAJunkPhone_IsEnrichedByItsEmail(string phone)
    {
        var contact = Salesforce.AddRecord("Contact", null, new Dictionary<string, string?>
        {
            ["Email"] = SampleIdentifiers.JaneDoeEmail, ["Phone"] = phone, ["FirstName"] = "Jane", ["LastName"] = "Doe",
        });

        await StageAsync("salesforce", contact);

        (await EnrichedAsync("salesforce:" + contact)).ShouldNotBeNull();
        (await UnmatchedAsync("salesforce:" + contact)).ShouldBeNull();
        Salesforce.GetRecord(contact)!.Fields["Title"].ShouldBe(SampleIdentifiers.JaneDoeTitle);
        Salesforce.GetRecord(contact)!.Fields["Phone"].ShouldBe(phone, "a value in the CRM is not blank, so fill-blank leaves it");
    }

    [Fact]
    public async Task AHubSpotContact_WithAJunkPhone_IsEnrichedByItsEmail()
    {
        HubSpot.AddContact("9901", new Dictionary<string, string> { ["email"] = SampleIdentifiers.JaneDoeEmail, ["phone"] = "n/a", ["lastname"] = "Doe" });

        await StageAsync("hubspot", "9901");

        (await EnrichedAsync("hubspot:9901")).ShouldNotBeNull();
        (await UnmatchedAsync("hubspot:9901")).ShouldBeNull();
        HubSpot.GetContact("9901")!.Properties.ShouldContainKey("jobtitle");
    }

    [Fact]
    public async Task ARecordWhoseOnlyIdentifierIsJunk_IsUnmatched_ForThatReason()
    {
        var contact = Salesforce.AddRecord("Contact", null, new Dictionary<string, string?> { ["Phone"] = "n/a", ["LastName"] = "Doe" });
        var junkEmail = Salesforce.AddRecord("Contact", null, new Dictionary<string, string?> { ["Email"] = "n/a", ["Phone"] = SampleIdentifiers.JaneDoePhone, ["LastName"] = "Doe" });

        await StageAsync("salesforce", contact, junkEmail);

        (await UnmatchedAsync("salesforce:" + contact))!.Reason.ShouldStartWith("phone: The phone number is not a valid number");
        (await EnrichedAsync("salesforce:" + junkEmail)).ShouldNotBeNull("the phone is usable though the email is not");
        Salesforce.Writes.ShouldNotContain(w => w.Id == contact);
    }

    private async Task StageAsync(string source, params string[] ids)
    {
        using var staged = await _gateway.Client.PostAsync("/v1/staging", new StringContent(
            "[" + string.Join(',', ids.Select(id => $$"""{"source":"{{source}}","crmId":"{{id}}"}""")) + "]"));
        staged.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await PipelineProbe.WaitForRunAsync(_gateway.Client);
    }

    private Task<EnrichedContact?> EnrichedAsync(string id) =>
        _gateway.Services.GetRequiredService<IEnrichedContactStore>().GetAsync(id, CancellationToken.None);

    private Task<UnmatchedRecord?> UnmatchedAsync(string id) =>
        _gateway.Services.GetRequiredService<IUnmatchedRecordStore>().GetAsync(id, CancellationToken.None);
}
