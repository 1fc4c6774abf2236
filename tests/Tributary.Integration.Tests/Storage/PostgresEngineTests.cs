using Microsoft.Extensions.DependencyInjection;
using Tributary.Caching;
using Tributary.Enrichment;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Privacy;
using Tributary.Profiles;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Storage;

/// <summary>The real engine and connectors on <c>Storage:Provider=postgres</c>: paid answers outlive a restart and are shared by nodes.</summary>
[RequiresPostgres]
public sealed class PostgresEngineTests(SimulatorPair simulators, PostgresStoreBackend postgres)
    : IClassFixture<SimulatorPair>, IClassFixture<PostgresStoreBackend>, IAsyncLifetime
{
    private const string Jane = SampleIdentifiers.JaneDoeEmail;

    // No Privacy:Pepper: the pepper is generated once and kept in PostgreSQL, so every node and restart agrees on keys.
    private Dictionary<string, string?> Settings => new()
    {
        ["Storage:Provider"] = "postgres",
        ["Storage:ConnectionString"] = postgres.ConnectionString,
    };

    public Task InitializeAsync() => postgres.ResetAsync();

    public Task DisposeAsync()
    {
        simulators.Reset();
        return Task.CompletedTask;
    }

    [StoreFact]
    public async Task Enrich_AfterRestart_ReadsTheLedgerInsteadOfPayingAgain()
    {
        await using (var before = new EngineHarness(simulators.Clearbit, simulators.ZoomInfo, Settings))
        {
            await before.EnrichAsync(Jane, TimeSpan.FromSeconds(10), providers: "clearbit");
        }

        await using var after = new EngineHarness(simulators.Clearbit, simulators.ZoomInfo, Settings);
        var result = await after.EnrichAsync(Jane, TimeSpan.FromSeconds(10), providers: "clearbit");

        result.Outcomes.Single(o => o.Provider == "clearbit").Status.ShouldBe(ProviderStatus.Cached);
        result.Profile.Text(ProfileFields.JobTitle).ShouldBe(SampleIdentifiers.JaneDoeTitle);
        simulators.Clearbit.Calls.Total.ShouldBe(1);
    }

    [StoreFact]
    public async Task Enrich_OnTwoNodes_TheSecondReadsWhatTheFirstPaidFor()
    {
        await using var first = new EngineHarness(simulators.Clearbit, simulators.ZoomInfo, Settings);
        await using var second = new EngineHarness(simulators.Clearbit, simulators.ZoomInfo, Settings);

        await first.EnrichAsync(Jane, TimeSpan.FromSeconds(10), providers: "clearbit");

        // Paid answers reach the shared store in batches (at most a tenth of a second later); flush instead of waiting.
        await ((WriteBehindLookupLedger)first.Services.GetRequiredService<ILookupLedger>()).FlushAsync(CancellationToken.None);
        var result = await second.EnrichAsync(Jane, TimeSpan.FromSeconds(10), providers: "clearbit");

        result.Outcomes.Single(o => o.Provider == "clearbit").Status.ShouldBe(ProviderStatus.Cached);
        result.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        simulators.Clearbit.Calls.Total.ShouldBe(1);
    }

    [StoreFact]
    public async Task Suppress_OnOneNode_IsHonouredByAnotherWithinSeconds()
    {
        var settings = Settings;
        settings["Privacy:SuppressionRefreshSeconds"] = "1";
        await using var first = new EngineHarness(simulators.Clearbit, simulators.ZoomInfo, settings);
        await using var second = new EngineHarness(simulators.Clearbit, simulators.ZoomInfo, settings);
        var jane = second.Identify(Jane);
        (await second.Services.GetRequiredService<SuppressionList>().IsSuppressedAsync(jane, CancellationToken.None)).ShouldBeFalse();

        await first.Services.GetRequiredService<SuppressionList>().SuppressAsync(first.Identify(Jane), "forgotten", CancellationToken.None);

        // The other node reads the list again in the background once a second; wait for it, bounded.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!await second.Services.GetRequiredService<SuppressionList>().IsSuppressedAsync(jane, CancellationToken.None))
        {
            await Task.Delay(50, timeout.Token);
        }

        var result = await second.EnrichAsync(Jane, TimeSpan.FromSeconds(10), providers: "clearbit");
        result.Outcomes[0].Detail.ShouldBe("subject is suppressed");
        simulators.Clearbit.Calls.Total.ShouldBe(0);
    }
}
