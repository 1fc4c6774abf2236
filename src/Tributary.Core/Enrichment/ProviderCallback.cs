namespace Tributary.Enrichment;

/// <summary>What one provider callback is about, read by <see cref="IProviderCallbacks.Read"/>.</summary>
/// <param name="EventId">The delivery's id: its dedup key (a redelivery carries the same one).</param>
/// <param name="LookupKey">
/// The <see cref="EnrichmentQuery.LookupKey"/> of the lookup it answers, as the connector sent it; null when it answers
/// none of Tributary's lookups (one made by other software on the same account).
/// </param>
/// <param name="AskedAt">When Tributary made that lookup, when the callback carries it (signed with the rest).</param>
public sealed record ProviderCallback(string EventId, string? LookupKey, DateTimeOffset? AskedAt);
