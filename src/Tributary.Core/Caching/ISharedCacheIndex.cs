namespace Tributary.Caching;

/// <summary>
/// The shared cache's answers by the subjects they name, so an erasure can remove from it an answer cached under a
/// lookup by another identifier (a phone, a LinkedIn URL) without reading every entry. Kept beside the shared cache
/// (Redis) and by the same processes that write it; without a shared cache there is none (each process's memory is
/// searched by content instead, see <see cref="SubjectEviction"/>). Subjects are keyed hashes, never raw values.
/// </summary>
public interface ISharedCacheIndex
{
    /// <summary>Notes that the shared cache holds, under <paramref name="key"/>, an answer naming these subjects for <paramref name="ttl"/>.</summary>
    ValueTask AddAsync(string key, IReadOnlyList<string> subjects, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>
    /// Removes from the shared cache every answer indexed under <paramref name="subjects"/>, and the entries of
    /// <paramref name="keys"/>; returns how many entries there were, or null when the shared cache could not be reached
    /// (the implementation logs why).
    /// </summary>
    Task<int?> RemoveAsync(IReadOnlyList<string> subjects, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}
