using Microsoft.Extensions.DependencyInjection;
using Tributary.Connectors.Apollo;
using Tributary.Connectors.PeopleDataLabs;
using Tributary.Connectors.ZoomInfo;
using Tributary.Credits;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.IntegrationTests.Connectors;
using Tributary.IntegrationTests.Simulators;
using Tributary.IntegrationTests.Simulators.Apollo;
using Tributary.IntegrationTests.Simulators.PeopleDataLabs;
using Tributary.IntegrationTests.Simulators.ZoomInfo;
using Tributary.Orchestration;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Engine;

/// <summary>Batch enrichment through the providers' bulk endpoints: fewer calls, the same answers, the same bookkeeping.</summary>
public sealed class EngineBulkTests(PeopleDataLabsFixture pdl, ApolloFixture apollo, ZoomInfoFixture zoominfo)
    : IClassFixture<PeopleDataLabsFixture>, IClassFixture<ApolloFixture>, IClassFixture<ZoomInfoFixture>, IDisposable
{
    private const int People = 250;

    public void Dispose()
    {
        pdl.Reset();
        apollo.Reset();
        zoominfo.Reset();
    }

    public static TheoryData<string, int> Providers => new()
    {
        { PeopleDataLabsConnector.ProviderName, 3 },
        { ApolloConnector.ProviderName, 25 },
        { ZoomInfoConnector.ProviderName, 10 },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EnrichMany_250People_UsesTheBulkEndpoint_AndAnswersAsOneByOne(string provider, int bulkCalls)
    {
        var people = await PeopleAsync();
        await using var oneByOne = Harness(provider);
        var expected = new List<EnrichmentResult>(People);
        foreach (var request in Requests(oneByOne, people, provider))
        {
            expected.Add(await Engine(oneByOne).EnrichAsync(request, CancellationToken.None));
        }

        Simulator(provider).Calls.Reset();
        await using var harness = Harness(provider);

        var results = await Engine(harness).EnrichManyAsync(Requests(harness, people, provider), CancellationToken.None);

        Simulator(provider).Calls[BulkPath(provider)].ShouldBe(bulkCalls);
        results.Count.ShouldBe(People);
        results.Count(r => r.Outcomes[0].Status == ProviderStatus.Matched).ShouldBeGreaterThan(People / 2);
        for (var i = 0; i < People; i++)
        {
            results[i].Outcomes.Select(o => (o.Provider, o.Status)).ShouldBe(expected[i].Outcomes.Select(o => (o.Provider, o.Status)), $"person {i}");
            Fields(results[i]).ShouldBe(Fields(expected[i]), $"person {i}");
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EnrichMany_Again_AnswersFromTheCache_WithoutCallingTheProvider(string provider, int bulkCalls)
    {
        var people = await PeopleAsync();
        await using var harness = Harness(provider);
        var first = await Engine(harness).EnrichManyAsync(Requests(harness, people, provider), CancellationToken.None);
        Simulator(provider).Calls[BulkPath(provider)].ShouldBe(bulkCalls);
        Simulator(provider).Calls.Reset();

        var second = await Engine(harness).EnrichManyAsync(Requests(harness, people, provider), CancellationToken.None);

        Simulator(provider).Calls.Total.ShouldBe(0);
        second.ShouldAllBe(r => r.Outcomes[0].Status == ProviderStatus.Cached);
        second.Select(Fields).ShouldBe(first.Select(Fields));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EnrichMany_ChargesOneCreditPerBilledRecord(string provider, int bulkCalls)
    {
        var people = await PeopleAsync();
        await using var harness = Harness(provider);

        var results = await Engine(harness).EnrichManyAsync(Requests(harness, people, provider), CancellationToken.None);

        // None of the three bills a no-match; each bills a matched record, not the bulk call that carried it.
        var spend = await harness.Services.GetRequiredService<CreditMeter>().SpendAsync(provider, CancellationToken.None);
        spend.CallsTotal.ShouldBe(results.Count(r => r.Outcomes[0].Status == ProviderStatus.Matched));
        spend.CallsTotal.ShouldBeGreaterThan(bulkCalls);
    }

    [Fact]
    public async Task EnrichMany_TheSamePersonTwice_IsLookedUpOnce()
    {
        var jane = (await PeopleAsync())[0];
        await using var harness = Harness(PeopleDataLabsConnector.ProviderName);
        var requests = Requests(harness, [jane, jane], PeopleDataLabsConnector.ProviderName);

        var results = await Engine(harness).EnrichManyAsync(requests, CancellationToken.None);

        pdl.Simulator.Calls.Total.ShouldBe(1);
        results.ShouldAllBe(r => r.Outcomes[0].Status == ProviderStatus.Matched);
        (await harness.Services.GetRequiredService<CreditMeter>().SpendAsync("peopledatalabs", CancellationToken.None)).CallsTotal.ShouldBe(1);
    }

    [Fact]
    public async Task EnrichMany_TwoConcurrentBatchesOfTheSamePeople_MakeOneBulkCall()
    {
        var people = (await PeopleAsync()).Take(50).ToArray();
        pdl.Simulator.Faults.LatencyMs = 300;
        await using var harness = Harness(PeopleDataLabsConnector.ProviderName);

        var first = Engine(harness).EnrichManyAsync(Requests(harness, people, PeopleDataLabsConnector.ProviderName), CancellationToken.None);
        var second = Engine(harness).EnrichManyAsync(Requests(harness, people, PeopleDataLabsConnector.ProviderName), CancellationToken.None);
        var results = await Task.WhenAll(first, second);

        // The second batch finds every subject in flight and joins the first batch's call instead of buying it again.
        pdl.Simulator.Calls.Total.ShouldBe(1);
        results[1].Select(r => r.Outcomes[0].Status).ShouldBe(results[0].Select(r => r.Outcomes[0].Status));
    }

    [Fact]
    public async Task EnrichMany_ABulkChunkLargerThanTheBudgetLeft_IsCutToWhatTheBudgetPays()
    {
        var people = (await PeopleAsync()).Take(100).ToArray();
        await using var harness = new ConnectorHarness(
            new Dictionary<string, string?>
            {
                ["Providers:PeopleDataLabs:ApiKey"] = pdl.Simulator.ApiKey,
                ["Providers:PeopleDataLabs:BaseUrl"] = pdl.Simulator.BaseUrl + "/v5",
                ["Providers:PeopleDataLabs:DailyBudget"] = "30",
            },
            tributary => tributary.AddPeopleDataLabs());

        var results = await Engine(harness).EnrichManyAsync(Requests(harness, people, PeopleDataLabsConnector.ProviderName), CancellationToken.None);

        results.Count(r => r.Outcomes[0].Status == ProviderStatus.BudgetExhausted).ShouldBe(70);
        (await harness.Services.GetRequiredService<CreditMeter>().SpendAsync("peopledatalabs", CancellationToken.None)).CostToday.ShouldBeLessThanOrEqualTo(30);
    }

    private static async Task<IReadOnlyList<string>> PeopleAsync() =>
        (await TestDataset.Shared).People.Take(People).Select(p => p.Email).ToArray();

    private static EnrichmentEngine Engine(ConnectorHarness harness) => harness.Services.GetRequiredService<EnrichmentEngine>();

    private static EnrichmentRequest[] Requests(ConnectorHarness harness, IReadOnlyList<string> emails, string provider)
    {
        var normalizer = harness.Services.GetRequiredService<IdentifierNormalizer>();
        return emails
            .Select(email => new EnrichmentRequest(normalizer.Normalize(new RawIdentifiers(email))) { IsBatch = true, Providers = [provider], Mode = EnrichmentMode.Parallel })
            .ToArray();
    }

    /// <summary>The merged fields as text; when they were observed differs between two runs.</summary>
    private static string[] Fields(EnrichmentResult result) =>
        result.Profile.Fields().Select(f => $"{f.Field.Name}={f.Value.Value.AsText()}@{f.Value.Source}").ToArray();

    private ProviderSimulator Simulator(string provider) => provider switch
    {
        PeopleDataLabsConnector.ProviderName => pdl.Simulator,
        ApolloConnector.ProviderName => apollo.Simulator,
        _ => zoominfo.Simulator,
    };

    private static string BulkPath(string provider) => provider switch
    {
        PeopleDataLabsConnector.ProviderName => "/v5/person/bulk",
        ApolloConnector.ProviderName => "/api/v1/people/bulk_match",
        _ => "/enrich/contact",
    };

    private ConnectorHarness Harness(string provider) => provider switch
    {
        PeopleDataLabsConnector.ProviderName => new(
            new Dictionary<string, string?>
            {
                ["Providers:PeopleDataLabs:ApiKey"] = pdl.Simulator.ApiKey,
                ["Providers:PeopleDataLabs:BaseUrl"] = pdl.Simulator.BaseUrl + "/v5",
            },
            tributary => tributary.AddPeopleDataLabs()),
        ApolloConnector.ProviderName => new(
            new Dictionary<string, string?>
            {
                ["Providers:Apollo:ApiKey"] = apollo.Simulator.ApiKey,
                ["Providers:Apollo:BaseUrl"] = apollo.Simulator.BaseUrl + "/api/v1",
            },
            tributary => tributary.AddApollo()),
        _ => new(
            new Dictionary<string, string?>
            {
                ["Providers:ZoomInfo:Username"] = zoominfo.Simulator.Username,
                ["Providers:ZoomInfo:Password"] = zoominfo.Simulator.Password,
                ["Providers:ZoomInfo:BaseUrl"] = zoominfo.Simulator.BaseUrl,
            },
            tributary => tributary.AddZoomInfo()),
    };
}
