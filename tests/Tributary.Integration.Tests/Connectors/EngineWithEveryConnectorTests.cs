using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Connectors.Apollo;
using Tributary.Connectors.Clearbit;
using Tributary.Connectors.Http;
using Tributary.Connectors.Hunter;
using Tributary.Connectors.PeopleDataLabs;
using Tributary.Connectors.ZoomInfo;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Orchestration;
using Tributary.Profiles;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Connectors;

/// <summary>
/// The engine with every connector, as the host wires them, against the sandbox simulators and a customer CRM:
/// the new connectors' results flow through merge, cache and the suppression list.
/// </summary>
public sealed class EngineWithEveryConnectorTests : IAsyncLifetime
{
    private SandboxSimulators _sandbox = null!;
    private StubApi _crm = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxSimulators.StartAsync();
        _crm = await StubApi.StartAsync(app => app.MapGet("/customers/{email}", (string email) => email == SampleIdentifiers.JaneDoeEmail
            ? Results.Text("""{"id":"CRM-0001","tier":"gold","title":"Chief Widget Officer"}""", "application/json")
            : Results.NotFound()));
    }

    public async Task DisposeAsync()
    {
        await _crm.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    private ConnectorHarness Harness()
    {
        var options = _sandbox.Options;
        return new ConnectorHarness(
            new Dictionary<string, string?>
            {
                ["Providers:Clearbit:ApiKey"] = options.ClearbitApiKey,
                ["Providers:Clearbit:BaseUrl"] = _sandbox.Clearbit.BaseUrl,
                ["Providers:ZoomInfo:Username"] = options.ZoomInfoUsername,
                ["Providers:ZoomInfo:Password"] = options.ZoomInfoPassword,
                ["Providers:ZoomInfo:BaseUrl"] = _sandbox.ZoomInfo.BaseUrl,
                ["Providers:Apollo:ApiKey"] = options.ApolloApiKey,
                ["Providers:Apollo:BaseUrl"] = _sandbox.Apollo.BaseUrl + "/api/v1",
                ["Providers:Hunter:ApiKey"] = options.HunterApiKey,
                ["Providers:Hunter:BaseUrl"] = _sandbox.Hunter.BaseUrl + "/v2",
                ["Providers:PeopleDataLabs:ApiKey"] = options.PeopleDataLabsApiKey,
                ["Providers:PeopleDataLabs:BaseUrl"] = _sandbox.PeopleDataLabs.BaseUrl + "/v5",
                ["Providers:Http:Crm:BaseUrl"] = _crm.BaseUrl,
                ["Providers:Http:Crm:PathTemplate"] = "/customers/{email}",
                ["Providers:Http:Crm:Priority"] = "1",
                ["Providers:Http:Crm:Mapping:crmAccountId"] = "id",
                ["Providers:Http:Crm:Mapping:loyaltyTier"] = "tier",
                ["Providers:Http:Crm:Mapping:jobTitle"] = "title",
            },
            tributary => tributary.AddClearbit().AddZoomInfo().AddApollo().AddHunter().AddPeopleDataLabs().AddHttpProviders());
    }

    private static Task<EnrichmentResult> EnrichAsync(ConnectorHarness harness, string email) =>
        harness.Services.GetRequiredService<EnrichmentEngine>().EnrichAsync(
            new EnrichmentRequest(harness.Services.GetRequiredService<IdentifierNormalizer>().Normalize(new RawIdentifiers(email)))
            {
                Timeout = TimeSpan.FromSeconds(5),
            },
            CancellationToken.None);

    [Fact]
    public async Task Enrich_WhenEveryProviderAnswersGzipped_ReadsEveryAnswer()
    {
        foreach (var simulator in new ProviderSimulator[] { _sandbox.Clearbit, _sandbox.ZoomInfo, _sandbox.Apollo, _sandbox.Hunter, _sandbox.PeopleDataLabs })
        {
            simulator.Faults.Gzip = true;
        }

        await using var harness = Harness();

        var result = await EnrichAsync(harness, SampleIdentifiers.JaneDoeEmail);

        foreach (var provider in new[] { "clearbit", "zoominfo", "apollo", "hunter", "peopledatalabs" })
        {
            result.Outcomes.Single(o => o.Provider == provider).Status.ShouldBe(ProviderStatus.Matched, provider);
        }

        result.Profile.Text(ProfileFields.CompanyName).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Enrich_WithEveryConnector_MergesFirstPartyDataOverProviders_AndCachesCustomFields()
    {
        await using var harness = Harness();

        var first = await EnrichAsync(harness, SampleIdentifiers.JaneDoeEmail);
        var second = await EnrichAsync(harness, SampleIdentifiers.JaneDoeEmail);

        first.Outcomes.Select(o => o.Provider).Order().ShouldBe(["apollo", "clearbit", "crm", "hunter", "peopledatalabs", "zoominfo"]);
        first.Outcomes.ShouldAllBe(o => o.Status == ProviderStatus.Matched);
        first.Partial.ShouldBeFalse();
        first.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        first.Profile.Text(ProfileFields.CompanyName).ShouldBe(SampleIdentifiers.AcmeName);

        // The CRM ranks first: its title wins, and its custom attributes ride along.
        first.Profile[ProfileFields.JobTitle]!.Source.ShouldBe("crm");
        first.Profile.Get("loyaltyTier")!.Value.AsText().ShouldBe("gold");
        first.Profile.List(ProfileFields.IntentKeywords).ShouldNotBeEmpty();

        second.Outcomes.ShouldAllBe(o => o.Status == ProviderStatus.Cached);
        second.Profile.Get("loyaltyTier")!.Value.AsText().ShouldBe("gold");
        second.Profile.Get("crmAccountId")!.Value.AsText().ShouldBe("CRM-0001");
    }

    [Fact]
    public async Task Enrich_WhenHunterReportsAnOptOut_SuppressesTheSubjectForEveryProvider()
    {
        await using var harness = Harness();

        var first = await EnrichAsync(harness, SampleIdentifiers.OptedOutEmail);
        _sandbox.Reset();
        var second = await EnrichAsync(harness, SampleIdentifiers.OptedOutEmail);

        first.Outcomes.Single(o => o.Provider == "hunter").Status.ShouldBe(ProviderStatus.InvalidInput);
        second.Outcomes.ShouldAllBe(o => o.Status == ProviderStatus.Skipped);
        second.Profile.IsEmpty.ShouldBeTrue();
        _sandbox.All.Sum(s => s.Calls.Total).ShouldBe(0);
    }
}
