using Tributary.Profiles;

namespace Tributary.Enrichment;

/// <summary>What a connector reports for one lookup, already mapped out of the provider's wire format.</summary>
/// <param name="Status">The provider's answer as one status.</param>
/// <param name="Profile">Fields found (empty unless matched).</param>
/// <param name="Confidence">How sure the provider is that this is the right subject, normalised to 0–1.</param>
/// <param name="Billed">Whether the provider charges for this call (e.g. Clearbit bills 404s, PDL does not).</param>
/// <param name="Detail">A short reason for failures, free of PII (e.g. <c>HTTP 503</c>).</param>
public sealed record ProviderResult(
    ProviderStatus Status,
    Profile Profile,
    double Confidence,
    bool Billed,
    string? Detail = null)
{
    /// <summary>The provider's <c>API-Version</c> response header, when it sends one.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>
    /// The provider says the subject asked not to be processed (Hunter's 451): the subject goes on the suppression
    /// list and is never sent to any provider again.
    /// </summary>
    public bool SuppressSubject { get; init; }

    /// <summary>
    /// The account's credits are spent (PDL's and Clearbit's 402, Hunter's 429, ZoomInfo's record limit): the provider
    /// is skipped as <c>budget_exhausted</c> for every caller until then.
    /// </summary>
    public DateTimeOffset? ExhaustedUntil { get; init; }

    public static ProviderResult Matched(Profile profile, double confidence, bool billed = true) =>
        new(ProviderStatus.Matched, profile, confidence, billed);

    public static ProviderResult NoMatch(bool billed) => new(ProviderStatus.NoMatch, Profile.Empty, 0, billed);

    public static ProviderResult Failed(ProviderStatus status, string? detail = null, bool billed = false) =>
        new(status, Profile.Empty, 0, billed, detail);
}
