using System.ComponentModel.DataAnnotations;

namespace Tributary.Host.AgentDesktop;

/// <summary>The agent-desktop profile proxy, bound from <c>Profiles</c>.</summary>
internal sealed class ProfileOptions
{
    public const string SectionName = "Profiles";

    /// <summary>How long a built profile is served from memory before it is built again. Default 300 s.</summary>
    [Range(0, 86_400)]
    public int CacheSeconds { get; set; } = 300;

    /// <summary>
    /// How long the last copy of a profile is kept to be served <c>stale</c> when the CDP fails. Default 86,400 s.
    /// </summary>
    [Range(0, 604_800)]
    public int StaleCopySeconds { get; set; } = 86_400;

    /// <summary>At most this many profiles are kept in memory; the least recently used go first. Default 10,000.</summary>
    [Range(1, 10_000_000)]
    public int MaxCachedProfiles { get; set; } = 10_000;
}
