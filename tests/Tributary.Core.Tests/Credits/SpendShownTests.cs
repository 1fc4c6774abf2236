using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tributary.Credits;
using Tributary.Diagnostics;
using Tributary.Providers;
using Tributary.Resilience;

namespace Tributary.Core.Tests.Credits;

/// <summary>What each process shows as spent, when several write to one store.</summary>
public sealed class SpendShownTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly InMemoryCreditStore _store = new();

    [Fact]
    public async Task Spend_CountsWhatOtherProcessesWroteToTheStore_AndWhatThisOneHasNotWrittenYet()
    {
        await using var first = Meter();
        await using var second = Meter();
        using var clearbit = new ProviderRuntime("clearbit", new ProviderOptions { CostPerCall = 2 }, new RateLimitDefaults(600), _time);
        await second.SpendShownAsync(CancellationToken.None);

        await first.ChargeAsync(clearbit, CancellationToken.None);
        await first.ChargeAsync(clearbit, CancellationToken.None);
        await first.FlushAsync(CancellationToken.None);
        await second.ChargeAsync(clearbit, CancellationToken.None);
        var shown = await second.SpendShownAsync(CancellationToken.None);
        var own = await second.SpendAsync("clearbit", CancellationToken.None);

        shown["clearbit"].ShouldBe(new CreditSpend(3, 6, 3, 6));
        own.ShouldBe(new CreditSpend(1, 2, 1, 2), "a run's credits count this process's calls only");
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private CreditMeter Meter() => new(_store, new EnrichmentMetrics(_services.GetRequiredService<IMeterFactory>(), _time), _time);
}
