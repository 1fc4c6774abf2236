namespace Tributary.Storage.Sqlite;

/// <summary>
/// This process's SQLite writers, one at a time. Writers wait in arrival order, except that a write a caller is
/// waiting on (a webhook's intake, answered only once it is stored) goes ahead of background writers already waiting
/// (the workers' claims, the ledger's group commits): it waits for the transaction under way, not for the queue.
/// The turn passes straight from one writer to the next.
/// </summary>
internal sealed class WriteTurns
{
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _callersWaiting = new();
    private readonly LinkedList<TaskCompletionSource> _background = new();
    private bool _taken;

    /// <summary>Waits for the turn; <paramref name="callerWaiting"/> puts this writer ahead of background ones.</summary>
    public async ValueTask TakeAsync(bool callerWaiting, CancellationToken cancellationToken)
    {
        LinkedListNode<TaskCompletionSource> node;
        lock (_lock)
        {
            if (!_taken)
            {
                _taken = true;
                return;
            }

            node = (callerWaiting ? _callersWaiting : _background).AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        await using var registration = cancellationToken.Register(() =>
        {
            lock (_lock)
            {
                // Already handed the turn: the writer takes it and gives it back as usual.
                if (node.List is null)
                {
                    return;
                }

                node.List.Remove(node);
            }

            node.Value.TrySetCanceled(cancellationToken);
        });
        await node.Value.Task;
    }

    /// <summary>Ends the turn, handing it to the next writer (callers waiting first).</summary>
    public void Release()
    {
        TaskCompletionSource next;
        lock (_lock)
        {
            var queue = _callersWaiting.Count > 0 ? _callersWaiting : _background;
            if (queue.First is not { } first)
            {
                _taken = false;
                return;
            }

            queue.RemoveFirst();
            next = first.Value;
        }

        next.TrySetResult();
    }
}
