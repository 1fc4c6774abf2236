namespace Tributary.Storage;

/// <summary>
/// Runs an initialisation once per process. Unlike a cached <c>Lazy&lt;Task&gt;</c>, a failed attempt is not kept:
/// the next caller starts another, so a database that was down when the process started is picked up once it is back.
/// A caller that gives up (its token is cancelled) stops waiting without cancelling the run others share.
/// </summary>
internal sealed class OnceGate(Func<Task> initialize)
{
    private readonly Lock _sync = new();
    private Task? _run;

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        Task run;
        lock (_sync)
        {
            if (_run is null || _run.IsFaulted || _run.IsCanceled)
            {
                _run = Task.Run(initialize, CancellationToken.None);
            }

            run = _run;
        }

        return run.IsCompletedSuccessfully ? Task.CompletedTask : run.WaitAsync(cancellationToken);
    }

    /// <summary>For synchronous callers (options configuration). Hosts have no synchronization context to deadlock on.</summary>
    public void Ensure() => EnsureAsync(CancellationToken.None).GetAwaiter().GetResult();
}
