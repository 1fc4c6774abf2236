namespace Tributary.Storage;

/// <summary>
/// Keys already processed, such as webhook event ids, so a replayed event changes nothing. Shared by every process
/// on the same store.
/// </summary>
public interface IIdempotencyKeys
{
    /// <summary>
    /// True the first time <paramref name="key"/> is seen in <paramref name="scope"/> (the caller goes on), false for
    /// a replay while the key is retained. Of concurrent callers with the same key exactly one gets true.
    /// </summary>
    Task<bool> TryRecordAsync(string scope, string key, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Deletes keys past their retention; returns how many.</summary>
    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}
