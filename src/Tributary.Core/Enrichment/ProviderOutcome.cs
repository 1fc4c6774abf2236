using Tributary.Profiles;

namespace Tributary.Enrichment;

/// <summary>One provider's part in one enrichment: status, latency and what it contributed.</summary>
/// <param name="Provider">Lower-cased provider name.</param>
/// <param name="Status">Exactly one status.</param>
/// <param name="Latency">Time this request spent on the provider (0 when skipped).</param>
/// <param name="Profile">Fields contributed (from the provider, the cache or a stale cache entry).</param>
/// <param name="Confidence">Match confidence, 0–1.</param>
/// <param name="Stale">True when the fields come from an expired cache entry served because the provider failed.</param>
/// <param name="Detail">A short PII-free reason for failures.</param>
public sealed record ProviderOutcome(
    string Provider,
    ProviderStatus Status,
    TimeSpan Latency,
    Profile Profile,
    double Confidence,
    bool Stale = false,
    string? Detail = null)
{
    public static ProviderOutcome Skipped(string provider, string detail) =>
        new(provider, ProviderStatus.Skipped, TimeSpan.Zero, Profile.Empty, 0, Detail: detail);
}
