using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Tributary.Host.Identity;
using Tributary.Host.Segment;
using Tributary.Privacy;
using Tributary.Storage;

namespace Tributary.Host.AgentDesktop;

/// <summary>
/// Builds the agent-desktop profile and serves it from <see cref="ProfileCache"/> for <c>Profiles:CacheSeconds</c>.
/// The identity graph is read on every call, cached or not: a profile erased or changed (by this process or another on
/// the same store) is never served from memory. When the CDP's Profile API fails or its circuit is open, the CDP part
/// of the last copy comes back with <c>stale: true</c>; without a copy the CDP part says <c>unavailable</c>. Never a 5xx.
/// </summary>
internal sealed class ProfileService(
    IIdentityGraph graph,
    ProfileEnrichment enrichment,
    ProfileCache cache,
    SensitiveValueMasker masker,
    SegmentProfileClient cdp,
    IOptions<SegmentOptions> segment,
    IOptions<ProfileOptions> options,
    TimeProvider time,
    ILogger<ProfileService> logger)
{
    private readonly SegmentProfileClient? _cdp = segment.Value.HasProfiles ? cdp : null;
    private readonly TimeSpan _freshFor = TimeSpan.FromSeconds(options.Value.CacheSeconds);

    /// <summary>The profile, or null when the graph does not know the id.</summary>
    public async Task<AgentProfile?> GetAsync(string profileId, bool refresh, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(profileId);
        var stored = await graph.GetProfileAsync(profileId, cancellationToken);
        if (stored is null)
        {
            cache.Forget(profileId);
            return null;
        }

        var now = time.GetUtcNow();
        var copy = cache.Find(stored.Id);
        if (!refresh && copy is not null && copy.GraphUpdatedAt == stored.UpdatedAt && now - copy.Profile.FetchedAt < _freshFor)
        {
            return copy.Profile;
        }

        var links = await graph.ListLinksAsync(stored.Id, cancellationToken);
        var (traits, answered) = AnsweredFields.Split(stored.Traits);
        var values = new JsonObject();
        var provenance = new Dictionary<string, FieldProvenance>(StringComparer.Ordinal);
        foreach (var (value, source) in answered)
        {
            values[source.Field] = value;
            provenance[source.Field] = source;
        }

        await enrichment.AddRowsAsync(
            links.Where(static l => l.Key.Type == IdentifierTypes.CrmId && l.Value is not null).Select(static l => l.Value!).Distinct(), values, provenance, cancellationToken);
        var userId = links.FirstOrDefault(static l => l.Key.Type == IdentifierTypes.UserId && l.Value is not null)?.Value;
        var (cdp, stale) = await ReadCdpAsync(userId, copy?.Profile.Cdp, now, cancellationToken);

        var profile = new AgentProfile(
            stored.Id,
            stale,
            now,
            [.. links.OrderByDescending(static l => l.LinkedAt).Select(Identifier)],
            Masked(traits),
            Fields(Masked(values), provenance),
            cdp);
        if (stale)
        {
            ProfileLog.ServedStale(logger, stored.Id);
        }
        else
        {
            cache.Store(new CachedProfile(profile, stored.UpdatedAt));
        }

        return profile;
    }

    private async Task<(CdpTraits Cdp, bool Stale)> ReadCdpAsync(string? userId, CdpTraits? last, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_cdp is null)
        {
            return (CdpTraits.NotConfigured, false);
        }

        if (userId is null)
        {
            return (CdpTraits.NoUserId, false);
        }

        var read = await _cdp.GetTraitsAsync(userId, cancellationToken);
        return read.Status switch
        {
            SegmentTraitsStatus.Found => (new CdpTraits("found", Masked(Traits(read.Traits)), now), false),
            SegmentTraitsStatus.UnknownUser => (new CdpTraits("unknown_user", null, now), false),
            _ when last is { Status: "found" or "unknown_user" } => (last, true),
            _ => (new CdpTraits("unavailable", null, null), true),
        };
    }

    private JsonObject Masked(JsonObject values) => (JsonObject)masker.Mask(values)!;

    /// <summary>
    /// A link as served: a CRM id or CDP user id is whatever a caller sent (a card number or an SSN pasted as an id), so
    /// its value is masked as a trait of that name would be. The clear value stays in the graph for the CDP call.
    /// </summary>
    private ProfileIdentifier Identifier(IdentityLink link) =>
        new(link.Key.Type, link.Value is null ? null : masker.Mask(link.Key.Type, link.Value), link.LinkedAt);

    private static JsonObject Traits(IReadOnlyDictionary<string, JsonElement> traits)
    {
        var json = new JsonObject();
        foreach (var (name, value) in traits)
        {
            json[name] = JsonSerializer.SerializeToNode(value, ProfilesJsonContext.Default.JsonElement);
        }

        return json;
    }

    private static Dictionary<string, ProfileField> Fields(JsonObject values, Dictionary<string, FieldProvenance> provenance)
    {
        var fields = new Dictionary<string, ProfileField>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            var source = provenance[name];
            fields[name] = new ProfileField(value, source.Source, source.Confidence, source.ObservedAt);
        }

        return fields;
    }
}
