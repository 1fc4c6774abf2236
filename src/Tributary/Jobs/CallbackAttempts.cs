namespace Tributary.Host.Jobs;

/// <summary>
/// A callback's attempts, counted by the signing handler as each one goes out and recorded then, so the job's status
/// shows a delivery still retrying as it is rather than as one never tried. The count goes on from the attempts the
/// job already records (a delivery cut short by a stop and taken up by the next server).
/// </summary>
internal sealed class CallbackAttempts(int made, Func<int, CancellationToken, Task> record)
{
    private int _count = made;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Counts one more attempt and records the count before it is sent.</summary>
    public Task NextAsync(CancellationToken cancellationToken) => record(Interlocked.Increment(ref _count), cancellationToken);
}
