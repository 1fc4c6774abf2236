using Microsoft.Extensions.Time.Testing;
using Tributary.Deadlines;
using Tributary.Providers;
using Tributary.Resilience;

namespace Tributary.Tests.Resilience;

public sealed class ProviderRateGateTests
{
    private static readonly RateLimitDefaults SixHundred = new(PerMinute: 600);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private ProviderRateGate Gate(RateLimitOptions? options = null, RateLimitDefaults? defaults = null) =>
        new("clearbit", options ?? new RateLimitOptions(), defaults ?? SixHundred, _time, new Random(7));

    [Fact]
    public async Task Acquire_RealTime_WhenPausedPastTheDeadline_IsRateLimitedWithoutWaiting()
    {
        using var gate = Gate();
        gate.Observe(new RateLimitSignal(null, null, TimeSpan.FromSeconds(30), Throttled: true));

        var budget = CallBudget.RealTime(_time.GetUtcNow(), TimeSpan.FromMilliseconds(800));

        await Should.ThrowAsync<ProviderRateLimitedException>(() => gate.AcquireAsync(budget, CancellationToken.None).AsTask());
        gate.PausedUntil.ShouldBe(_time.GetUtcNow() + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Acquire_Batch_WhenPaused_WaitsUntilThePauseEnds()
    {
        using var gate = Gate();
        gate.Observe(new RateLimitSignal(null, null, TimeSpan.FromSeconds(5), Throttled: true));

        var waiting = gate.AcquireAsync(CallBudget.Batch, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(4.9));
        waiting.IsCompleted.ShouldBeFalse();

        _time.Advance(TimeSpan.FromSeconds(0.1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        waiting.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task Acquire_Batch_WhenTheWindowIsSpentForAnHour_WaitsForTheHourAndIsNotCut()
    {
        using var gate = Gate();
        gate.Observe(new RateLimitSignal(0, _time.GetUtcNow().AddHours(1), null));

        var waiting = gate.AcquireAsync(CallBudget.Batch, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromMinutes(59));
        waiting.IsCompleted.ShouldBeFalse();

        _time.Advance(TimeSpan.FromMinutes(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Acquire_Batch_IsCancelledByItsCaller()
    {
        using var gate = Gate();
        gate.PauseUntil(_time.GetUtcNow().AddHours(1));
        using var cancel = new CancellationTokenSource();

        var waiting = gate.AcquireAsync(CallBudget.Batch, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Acquire_RealTime_WhenTheNextTurnIsPastTheDeadline_IsRateLimitedAtOnce()
    {
        using var gate = Gate(new RateLimitOptions { PerMinute = 1 });
        await gate.AcquireAsync(CallBudget.Batch, CancellationToken.None);

        var budget = CallBudget.RealTime(_time.GetUtcNow(), TimeSpan.FromMilliseconds(50));

        // No time passes: the gate knows the next turn is a minute away and does not wait for the deadline.
        await Should.ThrowAsync<ProviderRateLimitedException>(() => gate.AcquireAsync(budget, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Acquire_RealTime_WaitsForATurnThatComesBeforeItsDeadline()
    {
        using var gate = Gate(new RateLimitOptions { PerMinute = 600, PerSecond = 1 });
        await gate.AcquireAsync(CallBudget.Batch, CancellationToken.None);

        var waiting = gate.AcquireAsync(CallBudget.RealTime(_time.GetUtcNow(), TimeSpan.FromSeconds(2)), CancellationToken.None).AsTask();
        waiting.IsCompleted.ShouldBeFalse();

        _time.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(20, null)]
    [InlineData(500, 15)]
    [InlineData(1_500, 25)]
    public void Acquire_NeverLetsMoreThanTheLimitIntoAnyWindow_AndUsesAllOfIt(int perMinute, int? perSecond)
    {
        using var gate = Gate(defaults: new RateLimitDefaults(perMinute, perSecond));
        var start = _time.GetUtcNow();

        var sent = TakeEveryTurn(gate, TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(100));

        MostInAnyWindow(sent, TimeSpan.FromMinutes(1)).ShouldBe(perMinute);
        if (perSecond is { } limit)
        {
            MostInAnyWindow(sent, TimeSpan.FromSeconds(1)).ShouldBeLessThanOrEqualTo(limit);
        }

        // Three full minutes: the whole budget of each, not a bucket's reduced refill rate.
        sent.Count(at => at < start + TimeSpan.FromMinutes(3)).ShouldBe(3 * perMinute);
    }

    [Fact]
    public void Observe_RemainingBelowOurEstimate_DrainsTheBudget()
    {
        using var gate = Gate();
        gate.Available.ShouldBe(600);

        gate.Observe(new RateLimitSignal(Remaining: 12, ResetAt: null, RetryAfter: null));

        gate.Available.ShouldBe(12);
        TakeEveryTurn(gate, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(1)).Count.ShouldBe(12);
    }

    [Fact]
    public void Observe_MoreLeftWithoutAReset_IsANewWindow_AndRaisesTheBudgetAgain()
    {
        using var gate = Gate();

        gate.Observe(new RateLimitSignal(Remaining: 1, ResetAt: null, RetryAfter: null));
        var low = gate.Available;
        gate.Observe(new RateLimitSignal(Remaining: 997, ResetAt: null, RetryAfter: null));

        low.ShouldBe(1);
        gate.Available.ShouldBe(600, "our own limit still caps it");
    }

    [Fact]
    public void Observe_WindowSpent_PausesUntilReset()
    {
        using var gate = Gate();
        var reset = _time.GetUtcNow().AddSeconds(42);

        gate.Observe(new RateLimitSignal(0, reset, null));

        gate.PausedUntil.ShouldBe(reset);
    }

    [Fact]
    public void Observe_ReportedLimit_ResizesTheDefault()
    {
        using var gate = Gate(defaults: new RateLimitDefaults(PerMinute: 1_000));

        gate.Observe(new RateLimitSignal(null, null, null, LimitPerMinute: 100));

        gate.PerMinute.ShouldBe(100);
        TakeEveryTurn(gate, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(1)).Count.ShouldBe(100);
    }

    [Theory]
    [InlineData(50, 100, 50)]
    [InlineData(500, 100, 100)]
    public void Observe_ReportedLimit_CanLowerAConfiguredOneButNeverRaiseIt(int configured, int reported, int expected)
    {
        using var gate = Gate(new RateLimitOptions { PerMinute = configured });

        gate.Observe(new RateLimitSignal(null, null, null, LimitPerMinute: reported));

        gate.PerMinute.ShouldBe(expected);
    }

    [Fact]
    public async Task Observe_LargerReportedLimit_LetsAWaitingCallerGoAtOnce()
    {
        using var gate = Gate(defaults: new RateLimitDefaults(PerMinute: 1));
        await gate.AcquireAsync(CallBudget.Batch, CancellationToken.None);
        var waiting = gate.AcquireAsync(CallBudget.Batch, CancellationToken.None).AsTask();
        waiting.IsCompleted.ShouldBeFalse();

        gate.Observe(new RateLimitSignal(null, null, null, LimitPerMinute: 10));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Throttled_RepeatedlyWithoutRetryAfter_BacksOffExponentiallyUpToTheCap()
    {
        using var gate = Gate(new RateLimitOptions { MaxBackoffMs = 10_000 });

        var pauses = new List<TimeSpan>();
        for (var probe = 0; probe < 7; probe++)
        {
            var sentAt = _time.GetUtcNow();
            gate.Observe(new RateLimitSignal(null, null, null, Throttled: true), sentAt);
            var pause = gate.PausedUntil!.Value - sentAt;
            pauses.Add(pause);
            _time.Advance(pause);
        }

        // 1 s, 2 s, 4 s, 8 s, then the 10 s cap; each within ±20 % jitter, never past the cap.
        double[] expected = [1, 2, 4, 8, 10, 10, 10];
        for (var i = 0; i < expected.Length; i++)
        {
            pauses[i].TotalSeconds.ShouldBeInRange(expected[i] * 0.8, Math.Min(expected[i] * 1.2, 10));
        }
    }

    [Fact]
    public void Throttled_ByCallsSentBeforeThePause_CountsOnce()
    {
        using var gate = Gate();
        var sentTogether = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMilliseconds(200));

        // Eight callers that went at once all come back throttled.
        for (var i = 0; i < 8; i++)
        {
            gate.Observe(new RateLimitSignal(null, null, null, Throttled: true), sentTogether);
        }

        (gate.PausedUntil!.Value - _time.GetUtcNow()).TotalSeconds.ShouldBeInRange(0.8, 1.2);
    }

    [Fact]
    public void Throttled_AfterASuccess_StartsAgainFromOneSecond()
    {
        using var gate = Gate();
        for (var probe = 0; probe < 5; probe++)
        {
            gate.Observe(new RateLimitSignal(null, null, null, Throttled: true), _time.GetUtcNow());
            _time.Advance(gate.PausedUntil!.Value - _time.GetUtcNow());
        }

        gate.Observe(RateLimitSignal.None, _time.GetUtcNow());
        gate.Observe(new RateLimitSignal(null, null, null, Throttled: true), _time.GetUtcNow());

        (gate.PausedUntil!.Value - _time.GetUtcNow()).TotalSeconds.ShouldBeInRange(0.8, 1.2);
    }

    [Fact]
    public async Task Observe_SpentWithAnEarlierResetThanAnEarlierAnswerNamed_WaitsOnlyForTheNewReset()
    {
        using var gate = Gate();
        gate.Observe(new RateLimitSignal(599, _time.GetUtcNow().AddSeconds(60), null));

        // Then a 429 that names its own, nearer reset: the provider's 2 s, not the 60 s of the answer before.
        gate.Observe(new RateLimitSignal(0, _time.GetUtcNow().AddSeconds(2), TimeSpan.FromSeconds(2), Throttled: true));
        var waiting = gate.AcquireAsync(CallBudget.Batch, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(2));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        waiting.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task Acquire_Batch_WhenPausedForLongerThanATimerTakes_WaitsWithoutFailing()
    {
        using var gate = Gate();
        gate.PauseUntil(_time.GetUtcNow().AddDays(60));

        var waiting = gate.AcquireAsync(CallBudget.Batch, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromDays(59));
        waiting.IsCompleted.ShouldBeFalse();

        _time.Advance(TimeSpan.FromDays(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        waiting.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public void Throttled_WithRetryAfter_WaitsExactlyThatLong()
    {
        using var gate = Gate();

        gate.Observe(new RateLimitSignal(null, null, TimeSpan.FromSeconds(30), Throttled: true), _time.GetUtcNow());

        gate.PausedUntil.ShouldBe(_time.GetUtcNow() + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task SharedBudgetLost_TheLocalShareCountsWhatThisProcessSentInTheWindowAlready()
    {
        var shared = new SwitchableSharedBudget { Nodes = 2 };
        using var gate = new ProviderRateGate("clearbit", new RateLimitOptions { PerMinute = 60 }, SixHundred, _time, new Random(7), shared);
        for (var i = 0; i < 30; i++)
        {
            await gate.AcquireAsync(CallBudget.Batch, CancellationToken.None);
        }

        // Redis goes: this process's half of 60 a minute is what it already sent in this minute.
        shared.IsAvailable = false;
        var realTime = CallBudget.RealTime(_time.GetUtcNow(), TimeSpan.FromMilliseconds(800));

        await Should.ThrowAsync<ProviderRateLimitedException>(() => gate.AcquireAsync(realTime, CancellationToken.None).AsTask());
        _time.Advance(TimeSpan.FromMinutes(1));
        await gate.AcquireAsync(CallBudget.RealTime(_time.GetUtcNow(), TimeSpan.FromMilliseconds(800)), CancellationToken.None);
    }

    /// <summary>A shared budget that always has room, until it is switched off.</summary>
    private sealed class SwitchableSharedBudget : ISharedRateBudget
    {
        public bool IsAvailable { get; set; } = true;

        public int Nodes { get; init; } = 1;

        public ValueTask<TimeSpan?> TryTakeAsync(string provider, SharedQuota quota, bool realTime, CancellationToken cancellationToken) =>
            ValueTask.FromResult<TimeSpan?>(IsAvailable ? TimeSpan.Zero : null);

        public ValueTask<long?> RemainingAsync(string provider, SharedQuota quota, CancellationToken cancellationToken) =>
            ValueTask.FromResult<long?>(null);

        public ValueTask PauseAsync(string provider, TimeSpan length) => ValueTask.CompletedTask;
    }

    /// <summary>
    /// A caller that takes every turn the moment it comes: at each step of fake time, real-time acquisitions with no
    /// budget to wait either go at once or are refused at once, so nothing here ever waits.
    /// </summary>
    private List<DateTimeOffset> TakeEveryTurn(ProviderRateGate gate, TimeSpan duration, TimeSpan step)
    {
        var sent = new List<DateTimeOffset>();
        var end = _time.GetUtcNow() + duration;
        while (true)
        {
            while (TryTakeTurnNow(gate))
            {
                sent.Add(_time.GetUtcNow());
            }

            if (_time.GetUtcNow() + step > end)
            {
                return sent;
            }

            _time.Advance(step);
        }
    }

    private bool TryTakeTurnNow(ProviderRateGate gate)
    {
        var acquiring = gate.AcquireAsync(CallBudget.RealTime(_time.GetUtcNow(), TimeSpan.Zero), CancellationToken.None).AsTask();
        acquiring.IsCompleted.ShouldBeTrue("a caller with no time to wait is answered at once");
        if (acquiring.IsFaulted)
        {
            acquiring.Exception!.InnerException.ShouldBeOfType<ProviderRateLimitedException>();
            return false;
        }

        return true;
    }

    private static int MostInAnyWindow(List<DateTimeOffset> sent, TimeSpan window)
    {
        // Every window that holds the most requests can be slid to start at one of them.
        var most = 0;
        for (int first = 0, last = 0; first < sent.Count; first++)
        {
            while (last < sent.Count && sent[last] < sent[first] + window)
            {
                last++;
            }

            most = Math.Max(most, last - first);
        }

        return most;
    }
}
