using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tributary.Caching;
using Tributary.Enrichment;
using Tributary.Profiles;

namespace Tributary.Tests.Caching;

/// <summary>The in-process layer as <c>AddTributary</c> registers it: bounded by <c>Cache:MaxEntries</c>, backed by the ledger.</summary>
public sealed class CacheBoundTests : IDisposable
{
    private const int MaxEntries = 100;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;

    public CacheBoundTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cache:MaxEntries"] = MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Privacy:Pepper"] = "test-pepper" })
            .Build();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(_time);
        services.AddTributary(configuration);
        _services = services.BuildServiceProvider();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Store_MoreDistinctSubjectsThanMaxEntries_KeepsTheCacheBounded_AndTheLedgerAnswersTheRest()
    {
        var cache = _services.GetRequiredService<LookupCache>();
        var local = _services.GetRequiredService<IMemoryCache>();
        var keys = Enumerable.Range(0, 5 * MaxEntries).Select(i => $"clearbit:person:subject-{i}").ToArray();

        foreach (var key in keys)
        {
            await cache.StoreAsync(key, "clearbit", Match(key), CancellationToken.None);
        }

        var evicted = keys.Where(key => !local.TryGetValue(key, out _)).ToArray();
        (keys.Length - evicted.Length).ShouldBeLessThanOrEqualTo(MaxEntries);
        foreach (var key in evicted)
        {
            var answer = await cache.TryGetAsync(key, "clearbit", CancellationToken.None);
            answer.ShouldNotBeNull().Origin.ShouldBe(EntryOrigin.Ledger);
            answer.Profile.Text(ProfileFields.JobTitle).ShouldBe(key);
        }
    }

    [Fact]
    public void MaxEntries_DefaultsToOneHundredThousand() => new CacheOptions().MaxEntries.ShouldBe(100_000);

    private ProviderResult Match(string title) =>
        ProviderResult.Matched(new ProfileBuilder("clearbit", 0.95, _time.GetUtcNow()).Set(ProfileFields.JobTitle, title).Build(), 0.95);
}
