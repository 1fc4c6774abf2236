namespace Tributary.Storage;

/// <summary>
/// Builds an <see cref="IdentityView"/> from a backend's three reads, so both backends assemble it the same way: the
/// links of each identifier, then each profile they reach with all its links.
/// </summary>
internal static class IdentityViews
{
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
