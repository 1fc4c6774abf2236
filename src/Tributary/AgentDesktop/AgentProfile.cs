using System.Text.Json.Nodes;

namespace Tributary.Host.AgentDesktop;

/// <summary>
/// The profile the agent desktop shows (<c>GET /v1/profiles/{profileId}</c>): what the identity graph links, the traits
/// identify kept, what enrichment found (with provenance) and the CDP's traits. Every value is masked before it is built.
/// </summary>
/// <param name="ProfileId">The profile's id (the surviving one, when the asked id was merged into it).</param>
/// <param name="Stale">The CDP could not be read and its part is the last copy, fetched at <see cref="CdpTraits.FetchedAt"/>.</param>
/// <param name="FetchedAt">When this copy was built.</param>
/// <param name="Identifiers">The linked identifiers, most recent first; values (masked) only for system ids (CRM id, CDP user id).</param>
/// <param name="Traits">The traits identify kept.</param>
/// <param name="Enrichment">Enrichment of the profile's CRM records, by flat field name.</param>
/// <param name="Cdp">The CDP's part.</param>
internal sealed record AgentProfile(
    string ProfileId,
    bool Stale,
    DateTimeOffset FetchedAt,
    IReadOnlyList<ProfileIdentifier> Identifiers,
    JsonObject Traits,
    IReadOnlyDictionary<string, ProfileField> Enrichment,
    CdpTraits Cdp);

/// <summary>One linked identifier. Emails and phones are held as hashes, so their value is null.</summary>
internal sealed record ProfileIdentifier(string Type, string? Value, DateTimeOffset LinkedAt);

/// <summary>An enriched value with where it came from.</summary>
internal sealed record ProfileField(JsonNode? Value, string Source, double Confidence, DateTimeOffset ObservedAt);

/// <summary>
/// The CDP's traits of the profile's user id. <see cref="Status"/>: <c>found</c>, <c>unknown_user</c>,
/// <c>no_user_id</c> (the profile has no CDP user id), <c>not_configured</c> or <c>unavailable</c> (failed, no copy).
/// </summary>
internal sealed record CdpTraits(string Status, JsonObject? Traits, DateTimeOffset? FetchedAt)
{
    public static CdpTraits NotConfigured { get; } = new("not_configured", null, null);

    public static CdpTraits NoUserId { get; } = new("no_user_id", null, null);
}
