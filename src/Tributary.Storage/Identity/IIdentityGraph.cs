namespace Tributary.Storage;

/// <summary>
/// The identity graph: identifiers (as keyed hashes) linked to profiles, many to many (a household shares a phone),
/// and the traits kept per profile. Reads are plain and concurrent; every change goes through one write lock per
/// store, so two identifies naming the same new identifier cannot both create a profile for it.
/// </summary>
public interface IIdentityGraph
{
    /// <summary>The links of each identifier, most recent first, at most <see cref="IdentityView.MatchLimit"/> each.</summary>
    Task<IReadOnlyDictionary<IdentityKey, IReadOnlyList<IdentityLink>>> FindAsync(IReadOnlyList<IdentityKey> keys, CancellationToken cancellationToken);

    /// <summary>A profile by id, following merges to the profile that absorbed it; null when unknown.</summary>
    Task<IdentityProfile?> GetProfileAsync(string profileId, CancellationToken cancellationToken);

    /// <summary>Every link of a profile (not following merges).</summary>
    Task<IReadOnlyList<IdentityLink>> ListLinksAsync(string profileId, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the <see cref="IdentityView"/> of <paramref name="keys"/> under the store's write lock, asks
    /// <paramref name="decide"/> what to change, and applies that change (when not null) before the lock is released.
    /// </summary>
    Task<TResult> UpdateAsync<TResult>(
        IReadOnlyList<IdentityKey> keys, Func<IdentityView, (IdentityChange? Change, TResult Result)> decide, CancellationToken cancellationToken);

    /// <summary>
    /// Several <see cref="UpdateAsync"/>s in order under one hold of the write lock and one transaction: each reads the
    /// graph as the ones before it left it. For batch work (the pipeline's links), where a transaction per record
    /// costs more than the records.
    /// </summary>
    Task<IReadOnlyList<TResult>> UpdateManyAsync<TResult>(IReadOnlyList<IdentityUpdate<TResult>> updates, CancellationToken cancellationToken);

    /// <summary>
    /// Moves one identifier off a profile onto a new profile of its own (<paramref name="newProfileId"/>, no traits).
    /// False when the profile does not hold that identifier.
    /// </summary>
    Task<bool> DetachAsync(string profileId, IdentityKey key, string newProfileId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Removes every link of one identifier (erasure); returns how many there were.</summary>
    Task<int> RemoveAsync(IdentityKey key, CancellationToken cancellationToken);
}

/// <summary>One update of <see cref="IIdentityGraph.UpdateManyAsync"/>: the identifiers to read, and what to change given their view.</summary>
public sealed record IdentityUpdate<TResult>(IReadOnlyList<IdentityKey> Keys, Func<IdentityView, (IdentityChange? Change, TResult Result)> Decide);
