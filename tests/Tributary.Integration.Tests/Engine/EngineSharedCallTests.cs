using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Caching;
using Tributary.Credits;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Simulators.Dataset;
using Tributary.Storage.Sqlite;

namespace Tributary.IntegrationTests.Engine;

/// <summary>Never paying twice for one lookup: keys, calls shared across lanes and deadlines, credits reserved before calls.</summary>
public sealed class EngineSharedCallTests(SimulatorPair simulators) : IClassFixture<SimulatorPair>, IDisposable
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(10);

    public void Dispose() => simulators.Reset();

    private EngineHarness Harness(IDictionary<string, string?>? overrides = null) => new(simulators.Clearbit, simulators.ZoomInfo, overrides);

    private static EnrichmentRequest Request(EngineHarness harness, RawIdentifiers raw, TimeSpan? timeout = null, bool batch = false) =>
        new(harness.Services.GetRequiredService<IdentifierNormalizer>().Normalize(raw))
        {
            Timeout = timeout ?? Patient,
            IsBatch = batch,
            Providers = ["clearbit"],
        };

    [Fact]
    public async Task Enrich_EmailThenEmailWithName_IsOnePaidLookupAtAProviderThatSendsTheEmailAlone()
    {
        await using var harness = Harness();
        var engine = harness.Engine;

        await engine.EnrichAsync(Request(harness, new RawIdentifiers(SampleIdentifiers.JaneDoeEmail)), CancellationToken.None);
        var second = await engine.EnrichAsync(Request(harness, new RawIdentifiers(SampleIdentifiers.JaneDoeEmail, Name: "Jane Doe", Company: "Acme Inc")), CancellationToken.None);

        // Clearbit's combined lookup sends only the email: the name changes nothing it is asked.
        simulators.Clearbit.Calls.Total.ShouldBe(1);
        second.Outcomes[0].Status.ShouldBe(ProviderStatus.Cached);
    }

    [Fact]
    public async Task EnrichMany_JoiningARealTimeCallForTheSameSubject_MakesNoSecondCall()
    {
        simulators.Clearbit.Faults.LatencyMs = 300;
        await using var harness = Harness();
        var person = SampleDataset.Create().People[3].Email;

        var realTime = harness.Engine.EnrichAsync(Request(harness, new RawIdentifiers(person)), CancellationToken.None);
        await InFlightAsync(harness);
        var batch = harness.Engine.EnrichManyAsync([Request(harness, new RawIdentifiers(person), batch: true)], CancellationToken.None);

        (await realTime).Outcomes[0].Status.ShouldBe(ProviderStatus.Matched);
        (await batch)[0].Outcomes[0].Status.ShouldBe(ProviderStatus.Matched);
        simulators.Clearbit.Calls.Total.ShouldBe(1);
    }

    [Fact]
    public async Task Enrich_ACallerWithATinyDeadline_DoesNotCutTheSharedCallShortForOthers()
    {
        // Every second request fails with a 503, so after a warm-up the shared call's first attempt fails and a retry succeeds. The first caller's 10 ms allow no retry, but
        // the call it starts is shared, and the caller joining it has time to spare.
        await using var harness = Harness();
        simulators.Clearbit.Faults.LatencyMs = 100;
        simulators.Clearbit.Faults.FailStatus = 503;
        simulators.Clearbit.Faults.FailEveryNth = 2;
        await harness.Engine.EnrichAsync(Request(harness, new RawIdentifiers(SampleIdentifiers.JaneDoeEmail)), CancellationToken.None);
        simulators.Clearbit.Calls.Reset();
        var person = SampleDataset.Create().People[4].Email;

        var hasty = harness.Engine.EnrichAsync(Request(harness, new RawIdentifiers(person), TimeSpan.FromMilliseconds(10)), CancellationToken.None);
        await InFlightAsync(harness);
        var patient = await harness.Engine.EnrichAsync(Request(harness, new RawIdentifiers(person)), CancellationToken.None);

        (await hasty).Outcomes[0].Status.ShouldBe(ProviderStatus.Timeout);
        patient.Outcomes[0].Status.ShouldBe(ProviderStatus.Matched);
        simulators.Clearbit.Calls.Total.ShouldBe(2);
    }

    [Fact]
    public async Task EnrichMany_JoiningARealTimeCallThatFailed_AsksAgainAndGetsItsAnswer()
    {
        await using var harness = Harness(new Dictionary<string, string?> { ["Providers:Clearbit:MaxRetries"] = "0" });
        simulators.Clearbit.Faults.LatencyMs = 200;
        simulators.Clearbit.Faults.FailStatus = 503;
        simulators.Clearbit.Faults.FailEveryNth = 2;
        await harness.Engine.EnrichAsync(Request(harness, new RawIdentifiers(SampleIdentifiers.JaneDoeEmail)), CancellationToken.None);
        var person = SampleDataset.Create().People[5].Email;

        var realTime = harness.Engine.EnrichAsync(Request(harness, new RawIdentifiers(person)), CancellationToken.None);
        await InFlightAsync(harness);
        var batch = await harness.Engine.EnrichManyAsync([Request(harness, new RawIdentifiers(person), batch: true)], CancellationToken.None);

        (await realTime).Outcomes[0].Status.ShouldBe(ProviderStatus.ServerError);
        batch[0].Outcomes[0].Status.ShouldBe(ProviderStatus.Matched);
    }

    [Fact]
    public async Task Enrich_ConcurrentCalls_CannotOverrunTheDailyBudget()
    {
        simulators.Clearbit.Faults.LatencyMs = 200;
        await using var harness = Harness(new Dictionary<string, string?> { ["Providers:Clearbit:DailyBudget"] = "5" });
        var people = SampleDataset.Create().People.Skip(10).Take(20).Select(p => p.Email);

        var results = await Task.WhenAll(people.Select(p => harness.Engine.EnrichAsync(Request(harness, new RawIdentifiers(p)), CancellationToken.None)));

        simulators.Clearbit.Calls.Total.ShouldBe(5);
        results.Count(r => r.Outcomes[0].Status == ProviderStatus.BudgetExhausted).ShouldBe(15);
        (await harness.Services.GetRequiredService<CreditMeter>().SpendAsync("clearbit", CancellationToken.None)).CostToday.ShouldBeLessThanOrEqualTo(5);
    }

    [Fact]
    public async Task Ledger_AnswersFromASimulatorOnLoopback_AreKeptApartFromARealAccountsAnswers()
    {
        await using var harness = Harness();
        await harness.Engine.EnrichAsync(Request(harness, new RawIdentifiers(SampleIdentifiers.JaneDoeEmail)), CancellationToken.None);
        await harness.Services.GetRequiredService<ILookupLedger>().FlushAsync(CancellationToken.None);

        await using var connection = await harness.Services.GetRequiredService<SqliteDatabase>().OpenAsync(CancellationToken.None);
        var keys = (await connection.QueryAsync<string>("SELECT key FROM lookup_ledger")).ToArray();

        // The simulator's base URL is a loopback one, so its answers never serve a real Clearbit account's lookups.
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(key => key.StartsWith("clearbit@loopback:person:", StringComparison.Ordinal));
    }

    /// <summary>Waits until the first caller's provider call is under way, so the next caller finds it in flight.</summary>
    private static async Task InFlightAsync(EngineHarness harness)
    {
        var cache = harness.Services.GetRequiredService<LookupCache>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (cache.InFlight == 0)
        {
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }
    }
}
