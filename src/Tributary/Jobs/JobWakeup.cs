using System.Threading.Channels;

namespace Tributary.Host.Jobs;

/// <summary>
/// Tells the runner there is work now (a job was submitted, a job finished with a callback to send) instead of
/// waiting for its next poll. Signals coalesce: one pending wake-up is as good as many.
/// </summary>
internal sealed class JobWakeup
{
    private readonly Channel<bool> _jobs = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Channel<bool> _callbacks = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void JobQueued() => _jobs.Writer.TryWrite(true);

    public void CallbackPending() => _callbacks.Writer.TryWrite(true);

    /// <summary>Waits for a job to be queued or <paramref name="poll"/> to pass.</summary>
    public Task WaitForJobAsync(TimeSpan poll, TimeProvider time, CancellationToken cancellationToken) => WaitAsync(_jobs, poll, time, cancellationToken);

    public Task WaitForCallbackAsync(TimeSpan poll, TimeProvider time, CancellationToken cancellationToken) => WaitAsync(_callbacks, poll, time, cancellationToken);

    private static async Task WaitAsync(Channel<bool> signal, TimeSpan poll, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(poll, time, timeout.Token);
        var woken = signal.Reader.WaitToReadAsync(timeout.Token).AsTask();
        await Task.WhenAny(delay, woken);
        await timeout.CancelAsync();
        signal.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
