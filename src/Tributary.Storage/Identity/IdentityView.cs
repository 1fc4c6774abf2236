namespace Tributary.Storage;

/// <summary>
/// What an identify decides on, read inside the write lock: the links of each identifier it names, and every profile
/// those links reach with all of that profile's links (bounded by the host's per-type limits).
/// </summary>
/// <param name="Matches">Per identifier, its links, most recent first; at most <see cref="MatchLimit"/>.</param>
/// <param name="Profiles">The profiles reached by <paramref name="Matches"/>, by id.</param>
/// <param name="ProfileLinks">Every link of each profile in <paramref name="Profiles"/>.</param>
public sealed record IdentityView(
    IReadOnlyDictionary<IdentityKey, IReadOnlyList<IdentityLink>> Matches,
    IReadOnlyDictionary<string, IdentityProfile> Profiles,
    IReadOnlyDictionary<string, IReadOnlyList<IdentityLink>> ProfileLinks)
{
    /// <summary>
    /// The most links read for one identifier. A value shared by more profiles than this (a switchboard number nobody
    /// blocked) is reported as shared by this many: the answer is the same, an ambiguous identifier.
    /// </summary>
    public const int MatchLimit = 100;
}
