using Microsoft.Extensions.Time.Testing;
using Tributary.Enrichment;
using Tributary.Providers;
using Tributary.Resilience;

namespace Tributary.Tests.Resilience;

public sealed class ProviderRateGateTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Acquire_RealTime_WhenPausedPastTheDeadline_IsRateLimitedWithoutWaiting()
    {
        using var gate = new ProviderRateGate("clearbit", new RateLimitOptions { PerMinute = 600 }, _time);
        gate.Observe(new RateLimitSignal(null, null, TimeSpan.FromSeconds(30)));

        var budget = CallBudget.RealTime(_time.GetUtcNow(), TimeSpan.FromMilliseconds(800));

        await Should.ThrowAsync<ProviderRateLimitedException>(() => gate.AcquireAsync(budget, CancellationToken.None).AsTask());
        gate.PausedUntil.ShouldBe(_time.GetUtcNow() + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Acquire_Batch_WhenPaused_WaitsUntilThePauseEnds()
    {
        using var gate = new ProviderRateGate("clearbit", new RateLimitOptions { PerMinute = 600 }, _time);
        gate.Observe(new RateLimitSignal(null, null, TimeSpan.FromSeconds(5)));

        var waiting = gate.AcquireAsync(CallBudget.Batch, CancellationToken.None).AsTask();
        await Task.Yield();
        waiting.IsCompleted.ShouldBeFalse();

        _time.Advance(TimeSpan.FromSeconds(5));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        waiting.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public void Observe_RemainingBelowOurEstimate_DrainsTheBucket()
    {
        using var gate = new ProviderRateGate("clearbit", new RateLimitOptions { PerMinute = 600, Burst = 60 }, _time);
        gate.Available.ShouldBe(60);

        gate.Observe(new RateLimitSignal(Remaining: 12, ResetAt: null, RetryAfter: null));

        gate.Available.ShouldBe(12);
    }

    [Fact]
    public void Observe_WindowSpent_PausesUntilReset()
    {
        using var gate = new ProviderRateGate("clearbit", new RateLimitOptions { PerMinute = 600 }, _time);
        var reset = _time.GetUtcNow().AddSeconds(42);

        gate.Observe(new RateLimitSignal(0, reset, null));

        gate.PausedUntil.ShouldBe(reset);
    }

    [Fact]
    public async Task Acquire_RealTime_WithEmptyBucket_GivesUpAtTheDeadline()
    {
        using var gate = new ProviderRateGate("clearbit", new RateLimitOptions { PerMinute = 1, Burst = 1 }, TimeProvider.System);
        await gate.AcquireAsync(CallBudget.Batch, CancellationToken.None);

        var budget = CallBudget.RealTime(TimeProvider.System.GetUtcNow(), TimeSpan.FromMilliseconds(50));
        await Should.ThrowAsync<ProviderRateLimitedException>(() => gate.AcquireAsync(budget, CancellationToken.None).AsTask());
    }
}
