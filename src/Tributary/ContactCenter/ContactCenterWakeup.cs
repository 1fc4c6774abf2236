using System.Threading.Channels;

namespace Tributary.Host.ContactCenter;

/// <summary>Tells the contact-center worker a caller event was just stored, so the IVR's attributes do not wait for a poll.</summary>
internal sealed class ContactCenterWakeup
{
    private readonly Channel<bool> _events = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void EventStored() => _events.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan poll, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(poll, time, timeout.Token);
        var woken = _events.Reader.WaitToReadAsync(timeout.Token).AsTask();
        await Task.WhenAny(delay, woken);
        await timeout.CancelAsync();
        _events.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
