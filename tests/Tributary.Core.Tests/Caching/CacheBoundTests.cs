using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tributary.Caching;
using Tributary.Enrichment;
using Tributary.Profiles;

namespace Tributary.Tests.Caching;

/// <summary>
/// The in-process layer as <c>AddTributary</c> registers it: bounded by <c>Cache:MaxEntries</c>, off with
/// <c>Cache:LocalTtl = 0</c> (as <c>tributary enrich</c> runs), backed by the ledger either way.
/// </summary>
public sealed class CacheBoundTests : IDisposable
{
    private const int MaxEntries = 100;

    private static readonly AsyncLocal<bool> Storing = new();

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly List<ServiceProvider> _services = [];

    public void Dispose() => _services.ForEach(services => services.Dispose());

    [Fact]
    public async Task Store_MoreDistinctSubjectsThanMaxEntries_KeepsTheCacheBounded_AndTheLedgerAnswersTheRest()
    {
        var services = Build("Cache:MaxEntries", MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var cache = services.GetRequiredService<LookupCache>();
        var local = services.GetRequiredService<IMemoryCache>();
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
    public async Task Store_WithNoLocalLifetime_KeepsNothingInTheProcess_ThrowsNothingOnTheWay_AndTheLedgerAnswers()
    {
        var services = Build("Cache:LocalTtl", "00:00:00");
        var cache = services.GetRequiredService<LookupCache>();
        var local = services.GetRequiredService<IMemoryCache>();
        var thrown = new List<Exception>();
        void Note(object? sender, FirstChanceExceptionEventArgs args)
        {
            if (Storing.Value)
            {
                lock (thrown)
                {
                    thrown.Add(args.Exception);
                }
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Note;
        try
        {
            // A batch stores two answers a row: an exception per answer was what a file run paid for this setting.
            Storing.Value = true;
            await cache.StoreAsync("clearbit:person:subject-1", "clearbit", Match("Engineer"), CancellationToken.None);
            await cache.StoreAsync("clearbit:person:subject-2", "clearbit", Match("Analyst"), CancellationToken.None);
        }
        finally
        {
            Storing.Value = false;
            AppDomain.CurrentDomain.FirstChanceException -= Note;
        }

        thrown.ShouldBeEmpty();
        local.TryGetValue("clearbit:person:subject-1", out _).ShouldBeFalse();
        var answer = await cache.TryGetAsync("clearbit:person:subject-1", "clearbit", CancellationToken.None);
        answer.ShouldNotBeNull().Origin.ShouldBe(EntryOrigin.Ledger);
        answer.Profile.Text(ProfileFields.JobTitle).ShouldBe("Engineer");
    }

    [Fact]
    public void MaxEntries_DefaultsToOneHundredThousand() => new CacheOptions().MaxEntries.ShouldBe(100_000);

    private ServiceProvider Build(string setting, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [setting] = value, ["Privacy:Pepper"] = "test-pepper" })
            .Build();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(_time);
        services.AddTributary(configuration);
        var provider = services.BuildServiceProvider();
        _services.Add(provider);
        return provider;
    }

    private ProviderResult Match(string title) =>
        ProviderResult.Matched(new ProfileBuilder("clearbit", 0.95, _time.GetUtcNow()).Set(ProfileFields.JobTitle, title).Build(), 0.95);
}
