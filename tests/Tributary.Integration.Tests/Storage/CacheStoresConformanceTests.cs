using Microsoft.Extensions.DependencyInjection;
using Tributary.Caching;
using Tributary.Credits;
using Tributary.Enrichment;
using Tributary.Privacy;
using Tributary.Profiles;

namespace Tributary.IntegrationTests.Storage;

/// <summary>The stores the enrichment core uses: the ledger of paid lookups, the suppression list, credit spend.</summary>
public abstract class CacheStoresConformanceTests<TBackend>(TBackend backend) : StoreTests<TBackend>(backend)
    where TBackend : StoreBackend
{
    [StoreFact]
    public async Task Ledger_RoundTrip_KeepsEveryFieldWithProvenance()
    {
        var ledger = Get<ILookupLedger>();
        var observed = Time.GetUtcNow();
        var profile = new ProfileBuilder("clearbit", 0.9, observed)
            .Set(ProfileFields.FullName, "Jane Doe")
            .Set(ProfileFields.EmployeeCount, 500)
            .Set(ProfileFields.TechStack, ["aws", "react"])
            .Build();
        var entry = new CacheEntry(ProviderStatus.Matched, profile, 0.9, observed, observed.AddDays(90));

        await ledger.RecordAsync("clearbit:person:abc", "clearbit", entry, None);
        var found = await ledger.FindAsync("clearbit:person:abc", None);

        found.ShouldNotBeNull();
        found.Status.ShouldBe(ProviderStatus.Matched);
        found.Confidence.ShouldBe(0.9);
        found.ExpiresAt.ShouldBe(entry.ExpiresAt);
        found.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        found.Profile.Number(ProfileFields.EmployeeCount).ShouldBe(500);
        found.Profile.List(ProfileFields.TechStack).ShouldBe(["aws", "react"]);
        found.Profile[ProfileFields.FullName]!.Source.ShouldBe("clearbit");
        (await ledger.FindAsync("clearbit:person:unknown", None)).ShouldBeNull();
    }

    [StoreFact]
    public async Task Ledger_ExpiredEntries_AreKept_AndARecordReplacesTheEntry()
    {
        var ledger = Get<ILookupLedger>();
        var observed = Time.GetUtcNow();
        var expired = new CacheEntry(ProviderStatus.NoMatch, Profile.Empty, 0, observed.AddDays(-10), observed.AddDays(-3));
        await ledger.RecordAsync("zoominfo:person:x", "zoominfo", expired, None);

        var stale = await ledger.FindAsync("zoominfo:person:x", None);
        var fresh = new CacheEntry(ProviderStatus.Matched, new ProfileBuilder("zoominfo", 0.8, observed).Set(ProfileFields.JobTitle, "CTO").Build(), 0.8, observed, observed.AddDays(30));
        await ledger.RecordAsync("zoominfo:person:x", "zoominfo", fresh, None);
        var replaced = await ledger.FindAsync("zoominfo:person:x", None);

        stale.ShouldNotBeNull();
        stale.Status.ShouldBe(ProviderStatus.NoMatch);
        stale.IsExpiredAt(observed).ShouldBeTrue();
        replaced!.Profile.Text(ProfileFields.JobTitle).ShouldBe("CTO");
    }

    [StoreFact]
    public async Task Suppression_AddingTwice_IsIdempotent()
    {
        var store = Get<ISuppressionStore>();

        await store.AddAsync(["hash-a", "hash-b"], "forget", None);
        await store.AddAsync(["hash-b", "hash-c"], "forget", None);
        await store.AddAsync([], "forget", None);

        (await store.LoadAllAsync(None)).Order(StringComparer.Ordinal).ShouldBe(["hash-a", "hash-b", "hash-c"]);
    }

    [StoreFact]
    public async Task Suppression_Find_ReadsTheStoreByReasonAndTime_AndAHashKeepsItsLatestReason()
    {
        var store = Get<ISuppressionStore>();
        var start = Time.GetUtcNow();

        await store.AddAsync(["hash-a", "hash-b", "hash-e"], "opted out at hunter", None);
        await store.AddAsync(["hash-old"], "erasure", None);
        Time.Advance(TimeSpan.FromMinutes(5));
        await store.AddAsync(["hash-b", "hash-c"], "erasure", None);

        (await store.FindAsync(["hash-a", "hash-b", "hash-c", "hash-d", "hash-old"], "erasure", start, None)).Order(StringComparer.Ordinal).ShouldBe(["hash-b", "hash-c", "hash-old"]);
        (await store.FindAsync(["hash-b", "hash-c", "hash-old"], "erasure", start.AddMinutes(1), None)).Order(StringComparer.Ordinal).ShouldBe(["hash-b", "hash-c"]);
        (await store.FindAsync(["hash-a", "hash-b"], "opted out at hunter", start, None)).ShouldBe(["hash-a"]);
        (await store.FindAsync([], "erasure", start, None)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task Credits_AccumulatePerProviderAndDay_Exactly()
    {
        var store = Get<ICreditStore>();
        var today = new DateOnly(2026, 3, 2);

        await store.AddAsync("clearbit", today.AddDays(-1), 5, 0.5m, None);
        await store.AddAsync("clearbit", today, 1, 0.1m, None);
        await store.AddAsync("clearbit", today, 2, 0.2m, None);
        await store.AddAsync("zoominfo", today, 1, 1.25m, None);
        var spend = await store.LoadAsync(today, None);

        spend["clearbit"].ShouldBe(new CreditSpend(3, 0.3m, 8, 0.8m));
        spend["zoominfo"].ShouldBe(new CreditSpend(1, 1.25m, 1, 1.25m));
    }

    [StoreFact]
    public async Task CreditHistory_HoldsEachProvidersDays_FromTheDayAsked()
    {
        var store = Get<ICreditStore>();
        var today = new DateOnly(2026, 3, 2);
        await store.AddAsync("clearbit", today.AddDays(-40), 9, 0.9m, None);
        await store.AddAsync("clearbit", today.AddDays(-29), 5, 0.5m, None);
        await store.AddAsync("clearbit", today, 2, 0.2m, None);
        await store.AddAsync("zoominfo", today.AddDays(-3), 1, 1.25m, None);

        var history = await store.HistoryAsync(today.AddDays(-29), None);

        history.OrderBy(d => d.Day).ThenBy(d => d.Provider, StringComparer.Ordinal).ShouldBe(
        [
            new CreditDay("clearbit", today.AddDays(-29), 5, 0.5m),
            new CreditDay("zoominfo", today.AddDays(-3), 1, 1.25m),
            new CreditDay("clearbit", today, 2, 0.2m),
        ]);
        (await store.HistoryAsync(today.AddDays(1), None)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task Credits_ConcurrentAdds_LoseNothing()
    {
        var today = new DateOnly(2026, 3, 2);
        var nodes = Enumerable.Range(0, 4).Select(_ => Backend.NewNode()).ToArray();

        await Task.WhenAll(nodes.SelectMany(n => Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => n.GetRequiredService<ICreditStore>().AddAsync("apollo", today, 1, 0.01m, None)))));
        var spend = await Get<ICreditStore>().LoadAsync(today, None);

        spend["apollo"].ShouldBe(new CreditSpend(40, 0.4m, 40, 0.4m));
    }
}

public sealed class SqliteCacheStoresTests(SqliteStoreBackend backend) : CacheStoresConformanceTests<SqliteStoreBackend>(backend);

[RequiresPostgres]
public sealed class PostgresCacheStoresTests(PostgresStoreBackend backend) : CacheStoresConformanceTests<PostgresStoreBackend>(backend);
