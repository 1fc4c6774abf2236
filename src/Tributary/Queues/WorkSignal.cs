using System.Threading.Channels;

namespace Tributary.Host.Queues;

/// <summary>
/// Tells an idle worker that work was just stored, so it does not wait for its next poll of the store (which is what
/// finds work other processes stored). Signals coalesce: one pending wake-up is as good as many.
/// </summary>
internal abstract class WorkSignal
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _gate = new();
    private Task<bool>? _signalled;

    public void Signal() => _signal.Writer.TryWrite(true);

    /// <summary>Waits for a signal or <paramref name="poll"/> to pass.</summary>
    public async Task WaitAsync(TimeSpan poll, TimeProvider time, CancellationToken cancellationToken)
    {
        var signalled = Signalled();
        using var pollOver = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(Task.Delay(poll, time, pollOver.Token), signalled);
        await pollOver.CancelAsync();
        if (signalled.IsCompleted)
        {
            _signal.Reader.TryRead(out _);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    // One wait on the channel, shared by every waiter and kept from one poll to the next instead of cancelled with it: a
    // cancelled channel wait ends in an OperationCanceledException, which an idle gateway counted five times a second.
    private Task<bool> Signalled()
    {
        lock (_gate)
        {
            if (_signalled is not { IsCompleted: false })
            {
                _signalled = _signal.Reader.WaitToReadAsync().AsTask();
            }

            return _signalled;
        }
    }
}
