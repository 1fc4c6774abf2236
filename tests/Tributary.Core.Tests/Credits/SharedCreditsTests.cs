using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tributary.Credits;
using Tributary.Diagnostics;
using Tributary.Providers;
using Tributary.Resilience;

namespace Tributary.Core.Tests.Credits;

public sealed class SharedCreditsTests
{
    [Fact]
    public async Task ChargesMadeWhileTheSharedCountIsAway_ReachItWhenItIsBack()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var shared = new SharedCount { IsAvailable = false };
        await using var meter = new CreditMeter(new InMemoryCreditStore(), new EnrichmentMetrics(services.GetRequiredService<IMeterFactory>(), time), time, shared);
        using var clearbit = new ProviderRuntime("clearbit", new ProviderOptions { DailyBudget = 10, CostPerCall = 1 }, new RateLimitDefaults(600), time);

        // A gateway's first calls can come before its Redis connection is up.
        await meter.ChargeAsync(clearbit, CancellationToken.None);
        await meter.ChargeAsync(clearbit, CancellationToken.None);
        shared.Spent.ShouldBe(0m);

        shared.IsAvailable = true;
        await meter.ChargeAsync(clearbit, CancellationToken.None);

        shared.Spent.ShouldBe(3m, "the two charges made while it was away are owed to the count every process reads");
    }

    [Fact]
    public async Task AReservation_PaysWhatIsOwedBeforeReadingTheSharedCount()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var shared = new SharedCount { IsAvailable = false };
        await using var meter = new CreditMeter(new InMemoryCreditStore(), new EnrichmentMetrics(services.GetRequiredService<IMeterFactory>(), time), time, shared);
        using var clearbit = new ProviderRuntime("clearbit", new ProviderOptions { DailyBudget = 2, CostPerCall = 1 }, new RateLimitDefaults(600), time);
        await meter.ChargeAsync(clearbit, CancellationToken.None);

        // Another process spent one meanwhile; this one's charge reaches the count before the budget is judged.
        shared.IsAvailable = true;
        shared.Spent = 1m;

        (await meter.ReserveAsync(clearbit, 1, CancellationToken.None)).ShouldBe(0);
        shared.Spent.ShouldBe(2m);
    }

    /// <summary>Redis's per-day counter, reachable or not.</summary>
    private sealed class SharedCount : ISharedCredits
    {
        public bool IsAvailable { get; set; }

        public decimal Spent { get; set; }

        public ValueTask<decimal?> AddAsync(string provider, DateOnly day, decimal cost)
        {
            if (!IsAvailable)
            {
                return ValueTask.FromResult<decimal?>(null);
            }

            Spent += cost;
            return ValueTask.FromResult<decimal?>(Spent);
        }

        public ValueTask<decimal?> SpentAsync(string provider, DateOnly day) =>
            ValueTask.FromResult<decimal?>(IsAvailable ? Spent : null);
    }
}
