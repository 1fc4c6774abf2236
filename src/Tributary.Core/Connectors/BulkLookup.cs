using Tributary.Enrichment;

namespace Tributary.Connectors;

/// <summary>
/// How connectors with a person bulk endpoint answer <see cref="IBulkEnrichmentProvider.LookupManyAsync"/>: people
/// they can match go in calls of at most the batch size, companies one by one (or in calls of the batch size too, for
/// a provider with a company bulk endpoint), and the rest are invalid input. Answers come back in the order of the queries.
/// </summary>
internal static class BulkLookup
{
    /// <param name="queries">The queries, in the order answers are wanted.</param>
    /// <param name="batchSize">Most people one bulk call may carry.</param>
    /// <param name="canMatch">Whether a person query has an identifier the provider matches on.</param>
    /// <param name="single">The one-by-one lookup, for companies.</param>
    /// <param name="many">One bulk call: one answer per query, in order.</param>
    /// <param name="unmatchable">The invalid-input detail for people the provider cannot match.</param>
    /// <param name="cancellationToken">Passed on to every call.</param>
    /// <param name="manyCompanies">One company bulk call, when the provider has one: one answer per query, in order.</param>
    public static async Task<IReadOnlyList<ProviderResult>> LookupAsync(
        IReadOnlyList<EnrichmentQuery> queries,
        int batchSize,
        Func<EnrichmentQuery, bool> canMatch,
        Func<EnrichmentQuery, CancellationToken, Task<ProviderResult>> single,
        Func<EnrichmentQuery[], CancellationToken, Task<ProviderResult[]>> many,
        string unmatchable,
        CancellationToken cancellationToken,
        Func<EnrichmentQuery[], CancellationToken, Task<ProviderResult[]>>? manyCompanies = null)
    {
        var results = new ProviderResult[queries.Count];
        var people = new List<int>(queries.Count);
        var companies = new List<int>();
        for (var i = 0; i < queries.Count; i++)
        {
            if (queries[i].Kind == LookupKind.Company && manyCompanies is not null && canMatch(queries[i]))
            {
                companies.Add(i);
            }
            else if (queries[i].Kind == LookupKind.Company)
            {
                results[i] = await single(queries[i], cancellationToken);
            }
            else if (canMatch(queries[i]))
            {
                people.Add(i);
            }
            else
            {
                results[i] = ProviderResult.Failed(ProviderStatus.InvalidInput, unmatchable);
            }
        }

        await InChunksAsync(queries, people, batchSize, many, results, cancellationToken);
        if (manyCompanies is not null)
        {
            await InChunksAsync(queries, companies, batchSize, manyCompanies, results, cancellationToken);
        }

        return results;
    }

    private static async Task InChunksAsync(
        IReadOnlyList<EnrichmentQuery> queries,
        List<int> indexes,
        int batchSize,
        Func<EnrichmentQuery[], CancellationToken, Task<ProviderResult[]>> many,
        ProviderResult[] results,
        CancellationToken cancellationToken)
    {
        foreach (var chunk in indexes.Chunk(batchSize))
        {
            var answers = await many(chunk.Select(i => queries[i]).ToArray(), cancellationToken);
            for (var n = 0; n < chunk.Length; n++)
            {
                results[chunk[n]] = answers[n];
            }
        }
    }

    /// <summary>The same answer for every query of a call that failed as a whole.</summary>
    public static ProviderResult[] Repeat(ProviderResult result, int count) => Enumerable.Repeat(result, count).ToArray();
}
