using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tributary.Caching;
using Tributary.Enrichment;
using Tributary.Profiles;

namespace Tributary.Tests.Caching;

public sealed class LookupCacheTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;
    private readonly InMemoryLookupLedger _ledger = new();
    private readonly LookupCache _cache;
    private int _calls;

    public LookupCacheTests()
    {
        _services = new ServiceCollection().AddHybridCache().Services.BuildServiceProvider();
        _cache = new LookupCache(_services.GetRequiredService<HybridCache>(), _ledger, Options.Create(new CacheOptions()), _time);
    }

    public void Dispose() => _services.Dispose();

    private Func<CancellationToken, Task<ProviderResult>> Provider(ProviderResult result) => _ =>
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(result);
    };

    private ProviderResult Match(double confidence) =>
        ProviderResult.Matched(new ProfileBuilder("clearbit", confidence, _time.GetUtcNow()).Set(ProfileFields.JobTitle, "CTO").Build(), confidence);

    [Fact]
    public async Task GetOrFetch_SecondLookup_IsServedFromCacheWithoutACall()
    {
        var first = await _cache.GetOrFetchAsync("clearbit:person:a", "clearbit", Provider(Match(0.95)));
        var second = await _cache.GetOrFetchAsync("clearbit:person:a", "clearbit", Provider(Match(0.95)));

        first.Origin.ShouldBe(EntryOrigin.Provider);
        second.Origin.ShouldBe(EntryOrigin.Cache);
        second.Profile.Text(ProfileFields.JobTitle).ShouldBe("CTO");
        _calls.ShouldBe(1);
    }

    [Fact]
    public async Task GetOrFetch_NoMatch_IsCachedToo()
    {
        await _cache.GetOrFetchAsync("k", "clearbit", Provider(ProviderResult.NoMatch(billed: true)));
        var again = await _cache.GetOrFetchAsync("k", "clearbit", Provider(Match(0.9)));

        again.Status.ShouldBe(ProviderStatus.NoMatch);
        _calls.ShouldBe(1);
    }

    [Theory]
    [InlineData(0.95, 90)]
    [InlineData(0.6, 30)]
    public async Task GetOrFetch_Match_ExpiresAfterTheTtlOfItsConfidence(double confidence, int days)
    {
        await _cache.GetOrFetchAsync("k", "clearbit", Provider(Match(confidence)));

        _time.Advance(TimeSpan.FromDays(days) - TimeSpan.FromMinutes(1));
        (await _cache.GetOrFetchAsync("k", "clearbit", Provider(Match(confidence)))).Origin.ShouldNotBe(EntryOrigin.Provider);
        _time.Advance(TimeSpan.FromMinutes(2));
        (await _cache.GetOrFetchAsync("k", "clearbit", Provider(Match(confidence)))).Origin.ShouldBe(EntryOrigin.Provider);
        _calls.ShouldBe(2);
    }

    [Fact]
    public async Task GetOrFetch_NoMatch_ExpiresAfterSevenDays()
    {
        await _cache.GetOrFetchAsync("k", "clearbit", Provider(ProviderResult.NoMatch(billed: true)));
        _time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        var after = await _cache.GetOrFetchAsync("k", "clearbit", Provider(Match(0.9)));

        after.Status.ShouldBe(ProviderStatus.Matched);
        _calls.ShouldBe(2);
    }

    [Fact]
    public async Task GetOrFetch_ConcurrentIdenticalLookups_ShareOneProviderCall()
    {
        var release = new TaskCompletionSource<ProviderResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<CancellationToken, Task<ProviderResult>> slow = _ =>
        {
            Interlocked.Increment(ref _calls);
            return release.Task;
        };

        var lookups = Enumerable.Range(0, 20).Select(_ => _cache.GetOrFetchAsync("shared", "clearbit", slow)).ToArray();
        release.SetResult(Match(0.95));
        var entries = await Task.WhenAll(lookups);

        _calls.ShouldBe(1);
        entries.ShouldAllBe(e => e.Status == ProviderStatus.Matched);
    }

    [Fact]
    public async Task GetOrFetch_WhenProviderFails_ServesTheExpiredEntryMarkedStale()
    {
        await _cache.GetOrFetchAsync("k", "clearbit", Provider(Match(0.95)));
        _time.Advance(TimeSpan.FromDays(100));

        var entry = await _cache.GetOrFetchAsync("k", "clearbit", Provider(ProviderResult.Failed(ProviderStatus.CircuitOpen, "circuit open")));

        entry.Status.ShouldBe(ProviderStatus.CircuitOpen);
        entry.Stale.ShouldBeTrue();
        entry.Profile.Text(ProfileFields.JobTitle).ShouldBe("CTO");
    }

    [Fact]
    public async Task GetOrFetch_Failures_AreNotCached()
    {
        await _cache.GetOrFetchAsync("k", "clearbit", Provider(ProviderResult.Failed(ProviderStatus.ServerError)));
        var next = await _cache.GetOrFetchAsync("k", "clearbit", Provider(Match(0.95)));

        next.Status.ShouldBe(ProviderStatus.Matched);
        _calls.ShouldBe(2);
    }

    [Fact]
    public async Task GetOrFetch_AfterRestart_ReadsTheLedgerInsteadOfPayingAgain()
    {
        await _cache.GetOrFetchAsync("k", "clearbit", Provider(Match(0.95)));
        using var freshServices = new ServiceCollection().AddHybridCache().Services.BuildServiceProvider();
        var restarted = new LookupCache(freshServices.GetRequiredService<HybridCache>(), _ledger, Options.Create(new CacheOptions()), _time);

        var entry = await restarted.GetOrFetchAsync("k", "clearbit", Provider(Match(0.95)));

        entry.Origin.ShouldBe(EntryOrigin.Ledger);
        _calls.ShouldBe(1);
    }
}
