using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Pipeline;

/// <summary>
/// The pipeline against the Salesforce simulator with <c>Salesforce:AllOrNone=true</c>: a record that fails for a
/// reason of its own rolls back the others of its call, which are written all the same, and only it dead-letters.
/// </summary>
public sealed class SalesforceAllOrNoneTests : IAsyncLifetime
{
    private GatewayServer _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayServer.StartAsync(
        "--Salesforce:AllOrNone=true", "--Pipeline:PollMilliseconds=50", "--Pipeline:RetryBaseSeconds=0.05", "--Pipeline:MaxAttempts=2");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private SalesforceSimulator Salesforce => _gateway.Services.GetRequiredService<SandboxSimulators>().Salesforce;

    [Fact]
    public async Task OneBadRecord_IsTheOnlyDeadLetter_AndTheRecordsItRolledBackAreWritten()
    {
        var contacts = Enumerable.Range(0, 3).Select(_ => Salesforce.AddRecord("Contact", null, new Dictionary<string, string?>
        {
            ["Email"] = SampleIdentifiers.JaneDoeEmail, ["FirstName"] = "Jane", ["LastName"] = "Doe",
        })).ToList();
        var lead = Salesforce.AddRecord("Lead", null, new Dictionary<string, string?> { ["Email"] = SampleIdentifiers.JaneDoeEmail, ["LastName"] = "Doe", ["Company"] = "Acme" });
        Salesforce.SalesforceFaults.FailIds = [contacts[1]];

        using var staged = await _gateway.Client.PostAsync("/v1/staging", new StringContent(
            "[" + string.Join(',', contacts.Append(lead).Select(id => $$"""{"source":"salesforce","crmId":"{{id}}"}""")) + "]"));
        await PipelineProbe.WaitForRunAsync(_gateway.Client);

        staged.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        foreach (var good in new[] { contacts[0], contacts[2], lead })
        {
            Salesforce.GetRecord(good)!.Fields["Title"].ShouldBe(SampleIdentifiers.JaneDoeTitle);
        }

        Salesforce.GetRecord(contacts[1])!.Fields.GetValueOrDefault("Title").ShouldBeNull();
        var deadLetter = (await _gateway.Services.GetRequiredService<IDeadLetterStore>().ListAsync(10, CancellationToken.None)).ShouldHaveSingleItem();
        deadLetter.Letter.RecordId.ShouldBe(contacts[1]);
        deadLetter.Letter.Reason.ShouldBe("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        deadLetter.Letter.Attempts.ShouldBe(2);
    }
}
