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
    /// <summary>
    /// True for a provider a waterfall never reached because the request's budget was spent first: it reports
    /// <c>skipped</c> (it was never asked, so it did not time out), yet the answer is partial, since asking again
    /// would ask it.
    /// </summary>
    public bool Unreached { get; init; }

    public static ProviderOutcome Skipped(string provider, string detail) =>
        new(provider, ProviderStatus.Skipped, TimeSpan.Zero, Profile.Empty, 0, Detail: detail);

    /// <summary>A waterfall's provider whose turn came after the request's budget was spent.</summary>
    public static ProviderOutcome NotReached(string provider) =>
        Skipped(provider, "request budget spent before this provider's turn") with { Unreached = true };
}
