using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Host.Flat;
using Tributary.Host.Pipeline;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Pipeline;

/// <summary>
/// How many staged records a claim takes: by default as many as the largest CRM call (Salesforce 200), so Salesforce
/// write-back is not cut into HubSpot-sized calls; <c>Pipeline:BatchSize</c> still overrides it.
/// </summary>
public sealed class ClaimSizeTests
{
    private const int Contacts = 250;

    [Theory]
    [InlineData(null, 2)]
    [InlineData(100, 3)]
    public async Task StagedSalesforceContacts_AreWrittenBackInCallsOfTheClaimSize(int? batchSize, int expectedCalls)
    {
        string[] settings = ["--Pipeline:PollMilliseconds=50", "--Pipeline:RetryBaseSeconds=0.05"];
        await using var gateway = await GatewayServer.StartAsync(batchSize is { } size ? [.. settings, $"--Pipeline:BatchSize={size}"] : settings);
        var salesforce = gateway.Services.GetRequiredService<SandboxSimulators>().Salesforce;
        var ids = BlankContacts(salesforce, Contacts);

        using var staged = await gateway.Client.PostAsync("/v1/staging", new StringContent(StagingBody(ids), Encoding.UTF8, "application/json"));
        var status = await PipelineProbe.WaitForRunAsync(gateway.Client, TimeSpan.FromSeconds(90));

        staged.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        status.GetProperty("deadLetters").GetInt64().ShouldBe(0);
        salesforce.Writes.Select(w => w.Id).Distinct().Count().ShouldBe(Contacts);
        salesforce.Writes.ShouldAllBe(w => w.Applied);
        UpdateCalls(salesforce).ShouldBe(expectedCalls);
    }

    [Fact]
    public void WithNoCrmConfigured_AClaimTakes100()
    {
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build()).AddSingleton(FlatFields.StandardOnly).AddPipeline().BuildServiceProvider();

        services.GetRequiredService<CrmSystems>().ClaimSize(services.GetRequiredService<IOptions<PipelineOptions>>().Value.BatchSize).ShouldBe(100);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task ABatchSizeOutOfRange_IsRefusedAtStart(string batchSize)
    {
        var error = await Should.ThrowAsync<OptionsValidationException>(async () =>
        {
            await using var gateway = await GatewayServer.StartAsync($"--Pipeline:BatchSize={batchSize}");
        });

        error.Message.ShouldContain("BatchSize");
    }

    /// <summary>New Contacts holding only a seeded person's name and email: the blanks write-back fills.</summary>
    private static List<string> BlankContacts(SalesforceSimulator salesforce, int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var person = salesforce.GetRecord(SalesforceSimulator.SeededContactIds[i % SalesforceSimulator.SeededContacts])!.Fields;
            return salesforce.AddRecord("Contact", null, new Dictionary<string, string?>
            {
                ["FirstName"] = person["FirstName"], ["LastName"] = person["LastName"], ["Email"] = person["Email"],
            });
        })];

    private static string StagingBody(IEnumerable<string> ids) =>
        "[" + string.Join(',', ids.Select(id => $$"""{"source":"salesforce","crmId":"{{id}}"}""")) + "]";

    /// <summary>sObject Collections update calls (<c>PATCH …/composite/sobjects</c>; reads go to <c>…/composite/sobjects/Contact</c>).</summary>
    private static int UpdateCalls(SalesforceSimulator salesforce) =>
        salesforce.Calls.Snapshot().Where(c => c.Key.EndsWith("/composite/sobjects", StringComparison.Ordinal)).Sum(c => c.Value);
}
