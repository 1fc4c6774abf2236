using System.Threading.Channels;

namespace Tributary.Host.Pipeline;

/// <summary>Tells an idle worker that records were just staged, instead of waiting for its next poll. Signals coalesce.</summary>
internal sealed class PipelineWakeup
{
    private readonly Channel<bool> _staged = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Staged() => _staged.Writer.TryWrite(true);

    /// <summary>Waits for records to be staged or <paramref name="poll"/> to pass.</summary>
    public async Task WaitAsync(TimeSpan poll, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(poll, time, timeout.Token);
        var woken = _staged.Reader.WaitToReadAsync(timeout.Token).AsTask();
        await Task.WhenAny(delay, woken);
        await timeout.CancelAsync();
        _staged.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
