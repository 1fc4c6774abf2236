namespace Tributary.Enrichment;

/// <summary>
/// A provider with a bulk endpoint (PDL 100, ZoomInfo 25, Apollo 10 per call). Batch work groups lookups to spend
/// fewer calls; real-time requests always use the single lookup.
/// </summary>
public interface IBulkEnrichmentProvider : IEnrichmentProvider
{
    /// <summary>Most lookups one call may carry.</summary>
    int MaxBatchSize { get; }

    /// <summary>
    /// Looks up to <see cref="MaxBatchSize"/> subjects in one call. Returns one result per query, in the same order;
    /// a failure of the whole call is that failure for every query.
    /// </summary>
    Task<IReadOnlyList<ProviderResult>> LookupManyAsync(IReadOnlyList<EnrichmentQuery> queries, CancellationToken cancellationToken);
}
