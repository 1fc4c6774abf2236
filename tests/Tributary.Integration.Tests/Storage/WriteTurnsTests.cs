using Tributary.Storage.Sqlite;

namespace Tributary.IntegrationTests.Storage;

public sealed class WriteTurnsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AFreeTurn_IsTakenAtOnce_AndTheNextWriterWaitsForItsRelease()
    {
        var turns = new WriteTurns();
        await turns.TakeAsync(callerWaiting: false, None);

        var next = turns.TakeAsync(callerWaiting: false, None).AsTask();
        next.IsCompleted.ShouldBeFalse();

        turns.Release();
        await next.WaitAsync(TimeSpan.FromSeconds(5));
        turns.Release();
        await turns.TakeAsync(callerWaiting: false, None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AWriteACallerWaitsOn_GoesAheadOfBackgroundWritersAlreadyWaiting()
    {
        var turns = new WriteTurns();
        await turns.TakeAsync(callerWaiting: false, None);
        var order = new List<string>();
        var background = Enumerable.Range(0, 3).Select(i => Take(turns, false, $"background {i}", order)).ToList();
        var webhook = Take(turns, true, "webhook", order);

        for (var i = 0; i < 4; i++)
        {
            var waiting = background.Append(webhook).Where(t => !t.IsCompleted).ToList();
            turns.Release();
            await Task.WhenAny(waiting).WaitAsync(TimeSpan.FromSeconds(5));
        }

        await Task.WhenAll(background.Append(webhook)).WaitAsync(TimeSpan.FromSeconds(5));
        order.ShouldBe(["webhook", "background 0", "background 1", "background 2"]);
    }

    [Fact]
    public async Task AWriterThatStopsWaiting_LeavesTheQueue_AndTheTurnGoesToTheNext()
    {
        var turns = new WriteTurns();
        await turns.TakeAsync(callerWaiting: false, None);
        using var stop = new CancellationTokenSource();
        var gone = turns.TakeAsync(callerWaiting: true, stop.Token).AsTask();
        var next = turns.TakeAsync(callerWaiting: false, None).AsTask();

        await stop.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => gone);
        turns.Release();

        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static async Task Take(WriteTurns turns, bool callerWaiting, string name, List<string> order)
    {
        await turns.TakeAsync(callerWaiting, None);
        lock (order)
        {
            order.Add(name);
        }
    }
}
