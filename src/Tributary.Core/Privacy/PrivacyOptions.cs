using System.ComponentModel.DataAnnotations;

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

    /// <summary>
    /// How often the suppression list is read again from the store, so a subject suppressed by another node (a shared
    /// PostgreSQL) is suppressed here too within that time. Default 5 seconds.
    /// </summary>
    [Range(1, 3600)]
    public int SuppressionRefreshSeconds { get; set; } = 5;

    /// <summary>
    /// Names of fields whose values are masked entirely (<c>***</c>) in every response, matched case-insensitively
    /// wherever they appear in a JSON tree; entries may also be comma-separated lists. Default none: only SSN-like values
    /// and card numbers that pass Luhn are masked.
    /// </summary>
    public List<string> MaskedFields { get; set; } = [];

    /// <summary>
    /// Stored personal data older than this many days is purged once a day (<c>serve</c>), and the cache TTLs are capped
    /// at it. Default none: kept until erased or expired by the cache TTLs.
    /// </summary>
    [Range(1, 36_500)]
    public int? RetentionDays { get; set; }
}
