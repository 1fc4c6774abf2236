namespace Tributary.Storage;

/// <summary>
/// Builds an <see cref="IdentityView"/> from a backend's three reads, so both backends assemble it the same way: the
/// links of each identifier, then each profile they reach with all its links.
/// </summary>
internal static class IdentityViews
{
    /// <summary>
    /// The body of the stores' <c>UpdateManyAsync</c>, inside their transaction: each update reads its view as the ones
    /// before it left the graph, decides, and its change is applied. Returns each update's result, and whether anything
    /// changed (so there is something to commit).
    /// </summary>
    public static async Task<(TResult[] Results, bool Changed)> ApplyInOrderAsync<TResult>(
        IReadOnlyList<IdentityUpdate<TResult>> updates, Func<IReadOnlyList<IdentityKey>, Task<IdentityView>> read, Func<IdentityChange, Task> apply)
    {
        var results = new TResult[updates.Count];
        var changed = false;
        for (var i = 0; i < updates.Count; i++)
        {
            var (change, result) = updates[i].Decide(await read(updates[i].Keys));
            if (change is not null)
            {
                await apply(change);
                changed = true;
            }

            results[i] = result;
        }

        return (results, changed);
    }

    public static async Task<IdentityView> ReadAsync(
        IReadOnlyList<IdentityKey> keys,
        Func<IdentityKey, Task<IReadOnlyList<IdentityLink>>> linksOfKey,
        Func<string, Task<IdentityProfile?>> profile,
        Func<string, Task<IReadOnlyList<IdentityLink>>> linksOfProfile)
    {
        var matches = new Dictionary<IdentityKey, IReadOnlyList<IdentityLink>>();
        foreach (var key in keys.Distinct())
        {
            matches[key] = await linksOfKey(key);
        }

        var profiles = new Dictionary<string, IdentityProfile>(StringComparer.Ordinal);
        var profileLinks = new Dictionary<string, IReadOnlyList<IdentityLink>>(StringComparer.Ordinal);
        foreach (var id in matches.Values.SelectMany(links => links).Select(l => l.ProfileId).Distinct(StringComparer.Ordinal))
        {
            // A link always points at a live profile (merges move links); a missing row would be a broken store.
            if (await profile(id) is { } found)
            {
                profiles[id] = found;
                profileLinks[id] = await linksOfProfile(id);
            }
        }

        return new IdentityView(matches, profiles, profileLinks);
    }
}
