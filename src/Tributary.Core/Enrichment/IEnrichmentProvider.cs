using Tributary.Identifiers;

namespace Tributary.Enrichment;

/// <summary>
/// A data provider behind one connector. Implementations speak their provider's wire format and map
/// every outcome, including failures, to a <see cref="ProviderResult"/> instead of throwing.
/// </summary>
public interface IEnrichmentProvider
{
    /// <summary>Lower-cased name used in responses, metrics, cache keys and configuration (<c>clearbit</c>).</summary>
    string Name { get; }

    /// <summary>Whether the query carries an identifier this provider can look up; otherwise it is skipped.</summary>
    bool CanLookup(EnrichmentQuery query);

    /// <summary>
    /// The identifiers this provider sends for <paramref name="query"/>: its answers are cached and paid for once per
    /// distinct value of this set, so extra identifiers it ignores never make a second paid lookup. Default: all of them.
    /// </summary>
    IdentifierSet IdentifiersSent(EnrichmentQuery query) => query.Identifiers;

    /// <summary>Looks the subject up. Cancellation means the caller gave up; failures are results, not exceptions.</summary>
    Task<ProviderResult> LookupAsync(EnrichmentQuery query, CancellationToken cancellationToken);
}
