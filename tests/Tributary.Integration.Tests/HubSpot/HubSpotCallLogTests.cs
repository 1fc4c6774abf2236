using Microsoft.Extensions.Time.Testing;
using Tributary.Host.HubSpot;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.HubSpot;

/// <summary>The account's call log on a fake clock: a call holds its place until one interval after its answer.</summary>
public sealed class HubSpotCallLogTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = FakeClock.Create();
    private readonly HubSpotCallLog _log;

    public HubSpotCallLogTests() => _log = new HubSpotCallLog(2, Interval, _time);

    public void Dispose() => _log.Dispose();

    [Fact]
    public async Task SlowCall_HoldsItsPlaceUntilAnIntervalAfterItsAnswer()
    {
        var slow = await _log.TakeAsync(1, CancellationToken.None);
        using var other = await _log.TakeAsync(1, CancellationToken.None);
        var third = _log.TakeAsync(1, CancellationToken.None).AsTask();
        third.IsCompleted.ShouldBeFalse();

        // The slow call is answered 3 s after it was let go: HubSpot may have counted it as late as that.
        _time.Advance(TimeSpan.FromSeconds(3));
        slow.Dispose();

        // An interval after it was let go is not enough; an interval after its answer is.
        _time.Advance(TimeSpan.FromSeconds(8));
        await Task.Delay(20);
        third.IsCompleted.ShouldBeFalse();

        _time.Advance(TimeSpan.FromSeconds(2));
        using var turn = await third.WaitAsync(TimeSpan.FromSeconds(5));
        _log.Available.ShouldBe(0);
    }

    [Fact]
    public async Task WaitingCalls_GetTheirTurnsInArrivalOrder()
    {
        (await _log.TakeAsync(1, CancellationToken.None)).Dispose();
        (await _log.TakeAsync(1, CancellationToken.None)).Dispose();
        var first = _log.TakeAsync(1, CancellationToken.None).AsTask();
        var second = _log.TakeAsync(1, CancellationToken.None).AsTask();
        var third = _log.TakeAsync(1, CancellationToken.None).AsTask();

        _time.Advance(Interval);

        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(20);
        third.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task CancelledWait_GivesItsPlaceToTheNext()
    {
        (await _log.TakeAsync(1, CancellationToken.None)).Dispose();
        (await _log.TakeAsync(1, CancellationToken.None)).Dispose();
        using var cancel = new CancellationTokenSource();
        var cancelled = _log.TakeAsync(2, cancel.Token).AsTask();
        var next = _log.TakeAsync(1, CancellationToken.None).AsTask();

        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(cancelled);

        _time.Advance(Interval);
        using var turn = await next.WaitAsync(TimeSpan.FromSeconds(5));
        _log.Available.ShouldBe(1);
    }

    [Fact]
    public async Task SpentElsewhere_FillsPlacesForOneInterval()
    {
        _log.Spend(2);
        _log.Available.ShouldBe(0);
        var waiting = _log.TakeAsync(1, CancellationToken.None).AsTask();

        _time.Advance(Interval);

        using var turn = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        _log.Available.ShouldBe(1);
    }

    [Fact]
    public async Task HigherLimit_LetsWaitingCallsGo()
    {
        using var a = await _log.TakeAsync(1, CancellationToken.None);
        using var b = await _log.TakeAsync(1, CancellationToken.None);
        var waiting = _log.TakeAsync(1, CancellationToken.None).AsTask();

        _log.Reset(3, Interval);

        using var turn = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        _log.Limit.ShouldBe(3);
    }

    [Fact]
    public async Task Dispose_EndsEveryWait()
    {
        using var a = await _log.TakeAsync(1, CancellationToken.None);
        using var b = await _log.TakeAsync(1, CancellationToken.None);
        var waiting = _log.TakeAsync(1, CancellationToken.None).AsTask();

        _log.Dispose();

        await Should.ThrowAsync<ObjectDisposedException>(waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
