using Tributary.Connectors.Apollo;
using Tributary.Connectors.Clearbit;
using Tributary.Connectors.Hunter;
using Tributary.Connectors.PeopleDataLabs;
using Tributary.Connectors.ZoomInfo;
using Tributary.Enrichment;
using Tributary.IntegrationTests.Connectors;
using Tributary.IntegrationTests.Simulators.Apollo;
using Tributary.IntegrationTests.Simulators.PeopleDataLabs;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Resilience;

/// <summary>Each provider's request limits: the documented defaults, and the limit a provider reports in its headers.</summary>
public sealed class RateLimitDefaultsTests(ApolloFixture apollo, PeopleDataLabsFixture pdl)
    : IClassFixture<ApolloFixture>, IClassFixture<PeopleDataLabsFixture>, IDisposable
{
    public void Dispose()
    {
        apollo.Reset();
        pdl.Reset();
    }

    private static ConnectorHarness EveryProvider(IDictionary<string, string?>? settings = null) => new(
        settings ?? new Dictionary<string, string?>(),
        tributary => tributary.AddClearbit().AddZoomInfo().AddApollo().AddHunter().AddPeopleDataLabs());

    /// <summary>Written by hand from the providers' documentation (reference/providers.md), not from the code.</summary>
    [Theory]
    [InlineData("clearbit", 600, null)] // 600 requests a minute per API
    [InlineData("zoominfo", 1_500, 25)] // Enterprise API, standard endpoints: 25 a second, 1,500 a minute
    [InlineData("apollo", 1_000, null)] // enrichment endpoints, paid plans: 1,000 a minute, no hourly or daily cap
    [InlineData("hunter", 500, 15)] // Domain Search, Email Finder, enrichment: 15 a second, 500 a minute
    [InlineData("peopledatalabs", 1_000, null)] // person enrichment, paid plans: 1,000 a minute
    public async Task Defaults_AreTheProvidersDocumentedLimits(string provider, int perMinute, int? perSecond)
    {
        await using var harness = EveryProvider();

        var gate = harness.Runtime(provider).Gate;

        gate.PerMinute.ShouldBe(perMinute);
        gate.PerSecond.ShouldBe(perSecond);
        gate.MaxBackoff.ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Configured_Limits_ReplaceTheDefaults()
    {
        await using var harness = EveryProvider(new Dictionary<string, string?>
        {
            ["Providers:Hunter:RateLimit:PerMinute"] = "450",
            ["Providers:ZoomInfo:RateLimit:PerSecond"] = "5",
            ["Providers:ZoomInfo:RateLimit:MaxBackoffMs"] = "60000",
        });

        // A configured minute budget is the operator's plan: the documented per-second figure of the default plan goes too.
        harness.Runtime("hunter").Gate.PerMinute.ShouldBe(450);
        harness.Runtime("hunter").Gate.PerSecond.ShouldBeNull();
        harness.Runtime("zoominfo").Gate.PerMinute.ShouldBe(1_500);
        harness.Runtime("zoominfo").Gate.PerSecond.ShouldBe(5);
        harness.Runtime("zoominfo").Gate.MaxBackoff.ShouldBe(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task PeopleDataLabs_LimitHeader_ResizesTheGate()
    {
        pdl.Simulator.Faults.PerMinuteLimit = 30;
        await using var harness = new ConnectorHarness(
            new Dictionary<string, string?>
            {
                ["Providers:PeopleDataLabs:ApiKey"] = pdl.Simulator.ApiKey,
                ["Providers:PeopleDataLabs:BaseUrl"] = pdl.Simulator.BaseUrl + "/v5",
            },
            tributary => tributary.AddPeopleDataLabs());

        var result = await harness.LookupAsync(PeopleDataLabsConnector.ProviderName, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.Matched);
        harness.Runtime(PeopleDataLabsConnector.ProviderName).Gate.PerMinute.ShouldBe(30);
    }

    [Fact]
    public async Task Apollo_MinuteLimitHeader_ResizesTheGate()
    {
        apollo.Simulator.Faults.PerMinuteLimit = 40;
        await using var harness = new ConnectorHarness(
            new Dictionary<string, string?>
            {
                ["Providers:Apollo:ApiKey"] = apollo.Simulator.ApiKey,
                ["Providers:Apollo:BaseUrl"] = apollo.Simulator.BaseUrl + "/api/v1",
            },
            tributary => tributary.AddApollo());

        var result = await harness.LookupAsync(ApolloConnector.ProviderName, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.Matched);
        harness.Runtime(ApolloConnector.ProviderName).Gate.PerMinute.ShouldBe(40);
    }
}
