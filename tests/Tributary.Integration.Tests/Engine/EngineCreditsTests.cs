using Microsoft.Extensions.DependencyInjection;
using Tributary.Credits;
using Tributary.Enrichment;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Privacy;
using Tributary.Providers;
using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Engine;

/// <summary>Spending as little as possible: credits counted and persisted, budgets, suppression, waterfall by value.</summary>
public sealed class EngineCreditsTests(SimulatorPair simulators) : IClassFixture<SimulatorPair>, IDisposable
{
    public void Dispose() => simulators.Reset();

    private EngineHarness Harness(IDictionary<string, string?>? overrides = null) => new(simulators.Clearbit, simulators.ZoomInfo, overrides);

    private static async Task<CreditSpend> SpendAsync(EngineHarness harness, string provider) =>
        await harness.Services.GetRequiredService<CreditMeter>().SpendAsync(provider, CancellationToken.None);

    [Fact]
    public async Task BilledCalls_AreCountedAtTheirCost_AndCachedAnswersAreFree()
    {
        await using var harness = Harness(new Dictionary<string, string?> { ["Providers:Clearbit:CostPerCall"] = "2.5" });

        await harness.EnrichAsync(SampleIdentifiers.JaneDoeEmail);
        await harness.EnrichAsync(SampleIdentifiers.UnknownEmail);
        await harness.EnrichAsync(SampleIdentifiers.JaneDoeEmail);

        // Clearbit bills its 404s; ZoomInfo does not bill a no-match.
        (await SpendAsync(harness, "clearbit")).ShouldBe(new CreditSpend(2, 5.0m, 2, 5.0m));
        (await SpendAsync(harness, "zoominfo")).CallsToday.ShouldBe(1);
    }

    [Fact]
    public async Task Spend_SurvivesARestart()
    {
        var database = Path.Combine(Path.GetTempPath(), "tributary-tests", Guid.NewGuid().ToString("N") + ".db");
        var settings = new Dictionary<string, string?> { ["Storage:ConnectionString"] = $"Data Source={database}" };
        await using (var before = Harness(settings))
        {
            await before.EnrichAsync(SampleIdentifiers.JaneDoeEmail, TimeSpan.FromSeconds(10), providers: "clearbit");
        }

        await using var after = Harness(settings);

        (await SpendAsync(after, "clearbit")).CallsTotal.ShouldBe(1);
    }

    [Fact]
    public async Task DailyBudget_WhenSpent_SkipsTheProviderWithoutCallingIt()
    {
        await using var harness = Harness(new Dictionary<string, string?> { ["Providers:Clearbit:DailyBudget"] = "1" });
        var people = SampleDataset.Create().People;

        await harness.EnrichAsync(people[1].Email, providers: "clearbit");
        var over = await harness.EnrichAsync(people[2].Email, providers: "clearbit");

        over.Outcomes[0].Status.ShouldBe(ProviderStatus.BudgetExhausted);
        over.Partial.ShouldBeTrue();
        simulators.Clearbit.Calls.Total.ShouldBe(1);
    }

    [Fact]
    public async Task SuppressedSubject_IsNeverSentToAnyProvider()
    {
        await using var harness = Harness();
        await harness.Services.GetRequiredService<SuppressionList>().SuppressAsync(harness.Identify(SampleIdentifiers.JaneDoeEmail), "test", CancellationToken.None);

        var result = await harness.EnrichAsync("  Jane.Doe@ACME.com");

        result.Outcomes.ShouldAllBe(o => o.Status == ProviderStatus.Skipped && o.Detail == "subject is suppressed");
        simulators.Clearbit.Calls.Total.ShouldBe(0);
        simulators.ZoomInfo.Calls["/enrich/contact"].ShouldBe(0);
    }

    [Fact]
    public async Task ExhaustedAccount_IsSkippedForEveryCaller()
    {
        await using var harness = Harness();
        var runtime = harness.Services.GetRequiredKeyedService<ProviderRuntime>("clearbit");
        runtime.MarkExhausted(DateTimeOffset.UtcNow.AddHours(1));

        var result = await harness.EnrichAsync(SampleIdentifiers.JaneDoeEmail, providers: "clearbit");

        result.Outcomes[0].Status.ShouldBe(ProviderStatus.BudgetExhausted);
        simulators.Clearbit.Calls.Total.ShouldBe(0);
    }

    [Theory]
    [InlineData("clearbit", "/v2/combined/find")]
    [InlineData("zoominfo", "/enrich/contact")]
    public async Task ProviderSayingTheAccountsCreditsAreSpent_IsSkippedForEveryCallerUntilTheNextUtcDay(string provider, string path)
    {
        ProviderSimulator simulator = provider == "clearbit" ? simulators.Clearbit : simulators.ZoomInfo;
        simulator.Faults.CreditsExhausted = true;
        await using var harness = Harness();
        var runtime = harness.Services.GetRequiredKeyedService<ProviderRuntime>(provider);

        var first = await harness.EnrichAsync(SampleIdentifiers.JaneDoeEmail, providers: provider);
        var next = await harness.EnrichAsync(SampleIdentifiers.UnknownEmail, providers: provider);

        // Clearbit's 402, ZoomInfo's 403 "used up all of your allowed record limit": the next request does not call.
        first.Outcomes[0].Status.ShouldBe(ProviderStatus.BudgetExhausted);
        runtime.ExhaustedUntil.ShouldNotBeNull().ShouldBeInRange(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        next.Outcomes[0].Status.ShouldBe(ProviderStatus.BudgetExhausted);
        simulator.Calls[path].ShouldBe(1);
    }

    [Fact]
    public async Task UnreadableClearbitAnswer_IsStillCountedAsAPaidCall()
    {
        // Clearbit bills every 200, whether or not Tributary can read its body.
        simulators.Clearbit.Faults.MalformedJson = true;
        await using var harness = Harness();

        var result = await harness.EnrichAsync(SampleIdentifiers.JaneDoeEmail, providers: "clearbit");

        result.Outcomes[0].Status.ShouldBe(ProviderStatus.ServerError);
        (await SpendAsync(harness, "clearbit")).CallsTotal.ShouldBe(1);
    }

    [Fact]
    public async Task WaterfallByValue_LearnsToAskTheCheapProviderFirst()
    {
        await using var harness = Harness(new Dictionary<string, string?>
        {
            ["Enrichment:WaterfallOrder"] = "value",
            ["Providers:Clearbit:CostPerCall"] = "10",
            ["Providers:ZoomInfo:CostPerCall"] = "1",
        });
        var people = SampleDataset.Create().People.Skip(1).Take(30).ToArray();

        EnrichmentResult? last = null;
        foreach (var person in people)
        {
            last = await harness.Engine.EnrichAsync(new EnrichmentRequest(harness.Identify(person.Email)) { Mode = EnrichmentMode.Waterfall }, CancellationToken.None);
        }

        last!.Outcomes[0].Provider.ShouldBe("zoominfo");
        simulators.Clearbit.Calls.Total.ShouldBeLessThan(people.Length);
    }
}
