namespace Tributary.Privacy;

/// <summary>
/// Turns between an erasure and a background write of what enrichment learned about subjects that checked the
/// suppression list first (the identity links of real-time answers). Without them a write could pass its check just
/// before an erasure suppressed the subject and commit just after the erasure cleaned the store, leaving the subject's
/// rows behind. With them an erasure, once it has suppressed the subject, waits for a write in flight (whose rows it
/// then erases), and a write that starts after it finds the subject suppressed. Within one process: another process
/// reads the list again within <c>Privacy:SuppressionRefreshSeconds</c>.
/// </summary>
public sealed class ErasureTurns : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _waiting;

    /// <summary>How many writers and erasures wait for the turn now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Waits for the turn; disposing the result gives it back. Hold it from the suppression check to the commit.</summary>
    public async Task<Turn> TakeAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _turn.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return new Turn(_turn);
    }

    public void Dispose() => _turn.Dispose();

    /// <summary>A turn held; dispose it once.</summary>
    public readonly struct Turn(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }
}
