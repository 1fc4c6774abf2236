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

    /// <summary>
    /// Forgets a key recorded by a caller that then failed to store the work it stands for, so the sender's retry is
    /// processed instead of being taken for a duplicate.
    /// </summary>
    Task ForgetAsync(string scope, string key, CancellationToken cancellationToken);

    /// <summary>Deletes keys past their retention; returns how many.</summary>
    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}
