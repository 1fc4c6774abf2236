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
        var shared = new SharedCount { IsAvailable = false };
        await using var meter = new Metered(shared);
        using var clearbit = meter.Provider(dailyBudget: 10);

        // A gateway's first calls can come before its Redis connection is up.
        await meter.Credits.ChargeAsync(clearbit, CancellationToken.None);
        await meter.Credits.ChargeAsync(clearbit, CancellationToken.None);
        shared.Spent.ShouldBe(0m);

        shared.IsAvailable = true;
        await meter.Credits.ChargeAsync(clearbit, CancellationToken.None);

        shared.Spent.ShouldBe(3m, "the two charges made while it was away are owed to the count every process reads");
    }

    [Fact]
    public async Task AReservation_PaysWhatIsOwedBeforeReadingTheSharedCount()
    {
        var shared = new SharedCount { IsAvailable = false };
        await using var meter = new Metered(shared);
        using var clearbit = meter.Provider(dailyBudget: 2);
        await meter.Credits.ChargeAsync(clearbit, CancellationToken.None);

        // Another process spent one meanwhile; this one's charge reaches the count before the budget is judged.
        shared.IsAvailable = true;
        shared.Spent = 1m;

        (await meter.Credits.ReserveAsync(clearbit, 1, CancellationToken.None)).ShouldBe(0);
        shared.Spent.ShouldBe(2m);
    }

    [Fact]
    public async Task ASharedCountThatCameBackEmpty_DoesNotHideWhatOtherProcessesWroteToTheStore()
    {
        // Redis restarted without its data: its count says nothing was spent today, the store says otherwise.
        var store = new InMemoryCreditStore();
        var shared = new SharedCount { IsAvailable = true };
        await using var other = new Metered(shared, store);
        await using var meter = new Metered(shared, store);
        using var clearbit = meter.Provider(dailyBudget: 6);
        using var otherClearbit = other.Provider(dailyBudget: 6);
        (await meter.Credits.ReserveAsync(clearbit, 1, CancellationToken.None)).ShouldBe(1);
        meter.Credits.Release(clearbit, 1);

        for (var i = 0; i < 5; i++)
        {
            await other.Credits.ChargeAsync(otherClearbit, CancellationToken.None);
        }

        await other.Credits.FlushAsync(CancellationToken.None);
        shared.Spent = 0m;
        meter.Advance(TimeSpan.FromSeconds(1));

        (await meter.Credits.ReserveAsync(clearbit, 3, CancellationToken.None)).ShouldBe(1, "5 of the 6 credits were spent by the other process");
    }

    /// <summary>A credit meter on a fixed clock, sharing its counts with <c>shared</c>.</summary>
    private sealed class Metered : IAsyncDisposable
    {
        private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

        public Metered(ISharedCredits shared, ICreditStore? store = null) =>
            Credits = new CreditMeter(store ?? new InMemoryCreditStore(), new EnrichmentMetrics(_services.GetRequiredService<IMeterFactory>(), _time), _time, shared);

        public void Advance(TimeSpan by) => _time.Advance(by);

        public CreditMeter Credits { get; }

        /// <summary>Clearbit at one credit a call, with a daily budget.</summary>
        public ProviderRuntime Provider(decimal dailyBudget) =>
            new("clearbit", new ProviderOptions { DailyBudget = dailyBudget, CostPerCall = 1 }, new RateLimitDefaults(600), _time);

        public async ValueTask DisposeAsync()
        {
            await Credits.DisposeAsync();
            await _services.DisposeAsync();
        }
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
