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
/// <c>Cache:LocalTtl = 0</c>, as <c>tributary enrich</c> runs: no answer is kept in the process, the ledger serves
/// repeats, and storing an answer costs no exception (a batch stores two a row).
/// </summary>
public sealed class NoLocalCacheTests : IDisposable
{
    private static readonly AsyncLocal<bool> Storing = new();

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;

    public NoLocalCacheTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cache:LocalTtl"] = "00:00:00", ["Privacy:Pepper"] = "test-pepper" })
            .Build();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(_time);
        services.AddTributary(configuration);
        _services = services.BuildServiceProvider();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Store_KeepsNothingInTheProcess_ThrowsNothingOnTheWay_AndTheLedgerAnswers()
    {
        var cache = _services.GetRequiredService<LookupCache>();
        var local = _services.GetRequiredService<IMemoryCache>();
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

    private ProviderResult Match(string title) =>
        ProviderResult.Matched(new ProfileBuilder("clearbit", 0.95, _time.GetUtcNow()).Set(ProfileFields.JobTitle, title).Build(), 0.95);
}
