namespace Tributary.Privacy;

/// <summary>Bound from <c>Privacy</c>.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// The secret key of identifier hashes (cache keys, log lines). When absent the host generates one and keeps it
    /// beside the store, so hashes stay stable across restarts.
    /// </summary>
    public string? Pepper { get; set; }
}
