using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Tributary.Host.AgentDesktop;

/// <summary>
/// Built profiles in memory, by profile id. A copy is fresh for <c>Profiles:CacheSeconds</c> (judged on the injected
/// clock by <see cref="ProfileService"/>) and kept for <c>Profiles:StaleCopySeconds</c>, so a CDP outage can be
/// answered with the last copy. Bounded: the least recently used go first.
/// </summary>
internal sealed class ProfileCache : IDisposable
{
    private readonly MemoryCache _copies;
    private readonly TimeSpan _keep;

    public ProfileCache(IOptions<ProfileOptions> options)
    {
        var settings = options.Value;
        _copies = new MemoryCache(new MemoryCacheOptions { SizeLimit = settings.MaxCachedProfiles });
        _keep = TimeSpan.FromSeconds(Math.Max(settings.StaleCopySeconds, settings.CacheSeconds));
    }

    public CachedProfile? Find(string profileId) => _copies.TryGetValue(profileId, out CachedProfile? copy) ? copy : null;

    public void Store(CachedProfile copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        if (_keep > TimeSpan.Zero)
        {
            _copies.Set(copy.Profile.ProfileId, copy, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = _keep });
        }
    }

    /// <summary>Drops a profile's copy (erasure, unmerge).</summary>
    public void Forget(string profileId) => _copies.Remove(profileId);

    public void Dispose() => _copies.Dispose();
}

/// <summary>A built profile and the graph version it was built from.</summary>
/// <param name="Profile">The profile as served.</param>
/// <param name="GraphUpdatedAt">The profile's last change in the identity graph when it was built.</param>
internal sealed record CachedProfile(AgentProfile Profile, DateTimeOffset GraphUpdatedAt);
