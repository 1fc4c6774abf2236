using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Time.Testing;
using Tributary.Host.Queues;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Queues;

/// <summary>
/// The wake-up of an idle worker: a signal ends every waiter's wait at once, a poll ends it otherwise, and polling costs
/// no exception (an idle gateway's <c>dotnet_exceptions_total</c> stays still). Runs alone: it counts the exceptions
/// thrown anywhere in the process.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class WorkSignalTests
{
    private static readonly TimeSpan LongPoll = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Polls_WithNoSignal_ThrowNoException()
    {
        var signal = new TestSignal();
        var thrown = 0;
        void Count(object? sender, FirstChanceExceptionEventArgs args)
        {
            Console.Error.WriteLine("FCE " + args.Exception.GetType().Name + " :: " + args.Exception.StackTrace?.Replace("\n", " / "));
            // A cancelled channel wait is rethrown from where it was stored, so its stack names no caller: count them all.
            if (args.Exception is OperationCanceledException)
            {
                Interlocked.Increment(ref thrown);
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            for (var poll = 0; poll < 20; poll++)
            {
                await signal.WaitAsync(TimeSpan.FromMilliseconds(5), TimeProvider.System, CancellationToken.None);
            }
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        thrown.ShouldBe(0);
    }

    [Fact]
    public async Task ASignal_WakesEveryWaiter_BeforeTheirPoll()
    {
        var signal = new TestSignal();
        var time = new FakeTimeProvider();
        var waiters = Enumerable.Range(0, 3).Select(_ => signal.WaitAsync(LongPoll, time, CancellationToken.None)).ToArray();
        await Task.Delay(50, CancellationToken.None);
        waiters.ShouldAllBe(waiter => !waiter.IsCompleted);

        signal.Signal();

        await Task.WhenAll(waiters).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    [Fact]
    public async Task ASignalSentWhileNobodyWaits_EndsTheNextWaitAtOnce_AndOnlyThatOne()
    {
        var signal = new TestSignal();
        var time = new FakeTimeProvider();
        signal.Signal();
        signal.Signal();

        await signal.WaitAsync(LongPoll, time, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

        var next = signal.WaitAsync(LongPoll, time, CancellationToken.None);
        await Task.Delay(50, CancellationToken.None);
        next.IsCompleted.ShouldBeFalse("two signals coalesce into one wake-up");
        time.Advance(LongPoll);
        await next.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    [Fact]
    public async Task AWait_EndsWithCancellation_WhenItsWorkerStops()
    {
        var signal = new TestSignal();
        using var stop = new CancellationTokenSource();
        var waiting = signal.WaitAsync(LongPoll, new FakeTimeProvider(), stop.Token);

        await stop.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(waiting.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None));
    }

    private sealed class TestSignal : WorkSignal;
}
