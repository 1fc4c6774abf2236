using Microsoft.Extensions.Time.Testing;
using Tributary.Enrichment;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Profiles;
using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Engine;

/// <summary>The cache as the ledger of paid lookups, the shared rate budget and the circuit, over real HTTP.</summary>
public sealed class EngineCachingTests(SimulatorPair simulators) : IClassFixture<SimulatorPair>, IDisposable
{
    private const string Jane = SampleIdentifiers.JaneDoeEmail;

    public void Dispose() => simulators.Reset();

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private EngineHarness Harness(IDictionary<string, string?>? overrides = null, TimeProvider? time = null) =>
        new(simulators.Clearbit, simulators.ZoomInfo, overrides, time: time);

    private static ProviderOutcome Outcome(EnrichmentResult result, string provider) => result.Outcomes.Single(o => o.Provider == provider);

    [Fact]
    public async Task Enrich_Twice_PaysOnceAndReportsCached()
    {
        await using var harness = Harness();

        await harness.EnrichAsync(Jane);
        var second = await harness.EnrichAsync(Jane);

        second.Outcomes.ShouldAllBe(o => o.Status == ProviderStatus.Cached);
        second.Source.ShouldBe("cache");
        second.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        simulators.Clearbit.Calls.Total.ShouldBe(1);
        simulators.ZoomInfo.Calls["/enrich/contact"].ShouldBe(1);
    }

    [Fact]
    public async Task Enrich_NoMatch_IsCachedToo()
    {
        await using var harness = Harness();

        await harness.EnrichAsync(SampleIdentifiers.UnknownEmail);
        var second = await harness.EnrichAsync(SampleIdentifiers.UnknownEmail);

        second.Outcomes.ShouldAllBe(o => o.Status == ProviderStatus.Cached);
        simulators.Clearbit.Calls.Total.ShouldBe(1);
    }

    [Fact]
    public async Task Enrich_ConcurrentIdenticalLookups_MakeOneProviderCall()
    {
        simulators.Clearbit.Faults.LatencyMs = 100;
        await using var harness = Harness();

        var results = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => harness.EnrichAsync(Jane, providers: "clearbit")));

        results.ShouldAllBe(r => r.Profile.Text(ProfileFields.FullName) == "Jane Doe");
        simulators.Clearbit.Calls.Total.ShouldBe(1);
    }

    [Fact]
    public async Task Enrich_AfterRestart_ReadsTheLedgerInsteadOfPayingAgain()
    {
        var database = Path.Combine(Path.GetTempPath(), "tributary-tests", Guid.NewGuid().ToString("N") + ".db");
        var settings = new Dictionary<string, string?> { ["Storage:ConnectionString"] = $"Data Source={database}", ["Privacy:Pepper"] = "fixed-for-this-test" };
        await using (var before = Harness(settings))
        {
            // A generous budget: on a cold first run the answer must land (and be recorded) before the harness stops.
            await before.EnrichAsync(Jane, TimeSpan.FromSeconds(10), providers: "clearbit");
        }

        await using var after = Harness(settings);
        var result = await after.EnrichAsync(Jane, TimeSpan.FromSeconds(10), providers: "clearbit");

        Outcome(result, "clearbit").Status.ShouldBe(ProviderStatus.Cached);
        result.Profile.Text(ProfileFields.JobTitle).ShouldBe(SampleIdentifiers.JaneDoeTitle);
        simulators.Clearbit.Calls.Total.ShouldBe(1);
    }

    [Fact]
    public async Task Enrich_AnswerArrivingAfterTheDeadline_IsCachedForTheNextCaller()
    {
        simulators.Clearbit.Faults.LatencyMs = 300;
        await using var harness = Harness(time: _time);

        var asking = harness.EnrichAsync(Jane, TimeSpan.FromMilliseconds(100), providers: "clearbit");
        await Eventually.TrueAsync(() => simulators.Clearbit.Calls.Total == 1, "the call to reach Clearbit");
        _time.Advance(TimeSpan.FromMilliseconds(100));
        var first = await asking;
        Outcome(first, "clearbit").Status.ShouldBe(ProviderStatus.Timeout);

        // A caller with no time to wait sees the answer once the call that outlived the first caller has landed.
        await Eventually.TrueAsync(
            async () => Outcome(await harness.EnrichAsync(Jane, TimeSpan.Zero, providers: "clearbit"), "clearbit").Status == ProviderStatus.Cached,
            "the late answer to be cached");
        var second = await harness.EnrichAsync(Jane, TimeSpan.FromMilliseconds(100), providers: "clearbit");

        Outcome(second, "clearbit").Status.ShouldBe(ProviderStatus.Cached);
        second.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        simulators.Clearbit.Calls.Total.ShouldBe(1);
    }

    [Fact]
    public async Task Enrich_429WithRetryAfter_PausesTheProviderForOtherRequests()
    {
        simulators.Clearbit.Faults.TooManyRequests = true;
        simulators.Clearbit.Faults.RetryAfterSeconds = 30;
        await using var harness = Harness();
        var people = SampleDataset.Create().People;

        var first = await harness.EnrichAsync(people[1].Email, providers: "clearbit");
        var others = await Task.WhenAll(people.Skip(2).Take(5).Select(p => harness.EnrichAsync(p.Email, providers: "clearbit")));

        Outcome(first, "clearbit").Status.ShouldBe(ProviderStatus.RateLimited);
        others.ShouldAllBe(r => r.Outcomes[0].Status == ProviderStatus.RateLimited);
        simulators.Clearbit.Calls.Total.ShouldBe(1);
    }

    [Fact]
    public async Task Enrich_WhenTheCircuitIsOpen_ServesTheStaleValue()
    {
        await using var harness = Harness(new Dictionary<string, string?> { ["Providers:Clearbit:MaxRetries"] = "0" }, _time);
        var fresh = await harness.EnrichAsync(Jane, providers: "clearbit");
        Outcome(fresh, "clearbit").Status.ShouldBe(ProviderStatus.Matched);

        // Past the longest TTL (90 days at high confidence): the ledger's answer has expired.
        _time.Advance(TimeSpan.FromDays(91));

        simulators.Clearbit.Faults.FailStatus = 500;
        foreach (var person in SampleDataset.Create().People.Skip(1).Take(6))
        {
            await harness.EnrichAsync(person.Email, providers: "clearbit");
        }

        var callsBefore = simulators.Clearbit.Calls.Total;
        var stale = await harness.EnrichAsync(Jane, providers: "clearbit");

        Outcome(stale, "clearbit").Status.ShouldBe(ProviderStatus.CircuitOpen);
        Outcome(stale, "clearbit").Stale.ShouldBeTrue();
        stale.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        stale.Source.ShouldBe("cache");
        simulators.Clearbit.Calls.Total.ShouldBe(callsBefore);
    }

    [Fact]
    public async Task Enrich_Waterfall_StopsWhenTheRequestedFieldsAreFilled()
    {
        await using var harness = Harness();

        var result = await harness.EnrichAsync(Jane, mode: EnrichmentMode.Waterfall);

        Outcome(result, "clearbit").Status.ShouldBe(ProviderStatus.Matched);
        Outcome(result, "zoominfo").Status.ShouldBe(ProviderStatus.Skipped);
        simulators.ZoomInfo.Calls["/enrich/contact"].ShouldBe(0);
    }

    [Fact]
    public async Task Enrich_Waterfall_AsksTheNextProviderWhenTheFirstHasNoMatch()
    {
        var unknownToClearbit = await FirstPersonClearbitDoesNotKnowAsync();
        await using var harness = Harness();

        var result = await harness.EnrichAsync(unknownToClearbit, mode: EnrichmentMode.Waterfall);

        Outcome(result, "clearbit").Status.ShouldBe(ProviderStatus.NoMatch);
        Outcome(result, "zoominfo").Status.ShouldNotBe(ProviderStatus.Skipped);
    }

    private async Task<string> FirstPersonClearbitDoesNotKnowAsync()
    {
        await using var probe = Harness();
        foreach (var person in SampleDataset.Create().People.Skip(1))
        {
            var result = await probe.EnrichAsync(person.Email, providers: "clearbit");
            if (result.Outcomes[0].Status == ProviderStatus.NoMatch)
            {
                simulators.Reset();
                return person.Email;
            }
        }

        throw new InvalidOperationException("The sample dataset has nobody Clearbit does not know.");
    }
}
