using Tributary.Host.Queues;

namespace Tributary.Host.Jobs;

/// <summary>
/// Tells the runner there is work now (a job was submitted, a job finished with a callback to send) instead of
/// waiting for its next poll. Signals coalesce: one pending wake-up is as good as many.
/// </summary>
internal sealed class JobWakeup
{
    private readonly Signal _jobs = new();
    private readonly Signal _callbacks = new();

    public void JobQueued() => _jobs.Signal();

    public void CallbackPending() => _callbacks.Signal();

    /// <summary>Waits for a job to be queued or <paramref name="poll"/> to pass.</summary>
    public Task WaitForJobAsync(TimeSpan poll, TimeProvider time, CancellationToken cancellationToken) => _jobs.WaitAsync(poll, time, cancellationToken);

    public Task WaitForCallbackAsync(TimeSpan poll, TimeProvider time, CancellationToken cancellationToken) => _callbacks.WaitAsync(poll, time, cancellationToken);

    private sealed class Signal : WorkSignal;
}
