using Microsoft.Extensions.DependencyInjection;
using Tributary.Connectors.Hunter;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.IntegrationTests.Connectors;
using Tributary.IntegrationTests.Simulators;
using Tributary.IntegrationTests.Simulators.Hunter;
using Tributary.Orchestration;

namespace Tributary.IntegrationTests.Engine;

/// <summary>A person who opted out at a provider is never sent to any provider again, whatever identified them.</summary>
public sealed class EngineSuppressionTests(HunterFixture hunter) : IClassFixture<HunterFixture>, IDisposable
{
    public void Dispose() => hunter.Reset();

    [Fact]
    public async Task Enrich_AfterA451FromTheEmailFinder_NeverAsksAboutThatNameAtThatDomainAgain()
    {
        // Hunter's sample opt-outs are the people whose index % 97 == 5; this one is found by name and domain.
        var person = (await TestDataset.Shared).People[102];
        await using var harness = new ConnectorHarness(
            new Dictionary<string, string?>
            {
                ["Providers:Hunter:ApiKey"] = hunter.Simulator.ApiKey,
                ["Providers:Hunter:BaseUrl"] = hunter.Simulator.BaseUrl + "/v2",
            },
            tributary => tributary.AddHunter());
        var engine = harness.Services.GetRequiredService<EnrichmentEngine>();
        var normalizer = harness.Services.GetRequiredService<IdentifierNormalizer>();
        EnrichmentRequest Request() => new(normalizer.Normalize(new RawIdentifiers(Name: person.FullName, Domain: person.Company.Domain)))
        {
            Timeout = TimeSpan.FromSeconds(10),
        };

        var first = await engine.EnrichAsync(Request(), CancellationToken.None);
        var second = await engine.EnrichAsync(Request(), CancellationToken.None);

        first.Outcomes[0].Detail.ShouldBe("subject opted out (HTTP 451)");
        second.Outcomes[0].Status.ShouldBe(ProviderStatus.Skipped);
        second.Outcomes[0].Detail.ShouldBe("subject is suppressed");
        hunter.Simulator.Calls.Total.ShouldBe(1);
    }
}
