using Tributary.Enrichment;
using Tributary.Providers;

namespace Tributary.Orchestration;

/// <summary>Batch enrichment of many subjects, grouping cache misses into bulk calls where a provider has them.</summary>
public sealed partial class EnrichmentEngine
{
    // Providers without a bulk endpoint are asked about several subjects of a batch at once, as the runners' workers
    // did before; their rate gates make the excess wait.
    private const int SingleLookupConcurrency = 8;

    /// <summary>
    /// Enriches many subjects as batch work: for each provider, the subjects the cache and the ledger cannot answer
    /// are sent in chunks to its bulk endpoint (one lookup at a time where it has none), and every answer is booked,
    /// cached and merged exactly as <see cref="EnrichAsync"/> does. Results are in request order. Real-time and
    /// waterfall requests are enriched one by one: a waterfall asks a provider only for what the ones before it left empty.
    /// </summary>
    public async Task<IReadOnlyList<EnrichmentResult>> EnrichManyAsync(IReadOnlyList<EnrichmentRequest> requests, CancellationToken cancellationToken)
    {
        var results = new EnrichmentResult[requests.Count];
        var subjects = new List<BatchSubject>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            if (!request.IsBatch || IsWaterfall(request))
            {
                results[i] = await EnrichAsync(request, cancellationToken);
                continue;
            }

            var started = time.GetTimestamp();
            var providers = catalog.Resolve(request.Providers);
            var query = new EnrichmentQuery(request.Identifiers, request.Kind, CallBudget.Batch, RequestedFields(request));
            var suppressed = await suppression.IsSuppressedAsync(request.Identifiers, cancellationToken);
            var outcomes = suppressed ? SuppressedOutcomes(providers) : new ProviderOutcome[providers.Count];
            subjects.Add(new BatchSubject(i, providers, query, keys.SubjectHash(query), outcomes, suppressed, started));
        }

        // Providers side by side, as EnrichAsync asks them; each sees every subject that asks it.
        var byProvider = subjects
            .Where(s => !s.Suppressed)
            .SelectMany(s => s.Providers.Select((p, slot) => (p.Entry, Ask: new BatchAsk(s, slot))))
            .GroupBy(a => a.Entry.Name, StringComparer.Ordinal);
        await Task.WhenAll(byProvider.Select(g => AskManyAsync(g.First().Entry, g.Select(a => a.Ask).ToArray(), cancellationToken)));

        foreach (var subject in subjects)
        {
            results[subject.Index] = Merge(subject.Providers, subject.Outcomes, subject.Query, subject.Hash, subject.Started);
        }

        return results;
    }

    private async Task AskManyAsync(ProviderEntry entry, BatchAsk[] asks, CancellationToken cancellationToken)
    {
        if (entry.Provider is not IBulkEnrichmentProvider bulk)
        {
            await Parallel.ForEachAsync(
                asks,
                new ParallelOptions { MaxDegreeOfParallelism = SingleLookupConcurrency, CancellationToken = cancellationToken },
                async (ask, token) => ask.Subject.Outcomes[ask.Slot] = await AskAsync(entry, ask.Subject.Query, ask.Subject.Hash, token));
            return;
        }

        // Misses by key: a subject asked twice in one batch costs one lookup, as concurrent EnrichAsync calls share one.
        var started = time.GetTimestamp();
        var misses = new Dictionary<string, List<BatchAsk>>(StringComparer.Ordinal);
        foreach (var ask in asks)
        {
            if (SkipReason(entry, ask.Subject.Query) is { } reason)
            {
                ask.Subject.Outcomes[ask.Slot] = ProviderOutcome.Skipped(entry.Name, reason);
                continue;
            }

            var key = LookupKeys.For(entry.Name, ask.Subject.Query.Kind, ask.Subject.Hash);
            if (misses.TryGetValue(key, out var waiting))
            {
                waiting.Add(ask);
            }
            else if (await cache.TryGetAsync(key, cancellationToken) is { } found)
            {
                ask.Subject.Outcomes[ask.Slot] = Outcome(entry.Name, found, started);
            }
            else
            {
                misses.Add(key, [ask]);
            }
        }

        foreach (var chunk in misses.Chunk(bulk.MaxBatchSize))
        {
            await LookupChunkAsync(entry, bulk, chunk, started, cancellationToken);
        }
    }

    /// <summary>One bulk call, checked against the budget once, then each answer booked and kept as a single call's would be.</summary>
    private async Task LookupChunkAsync(
        ProviderEntry entry, IBulkEnrichmentProvider bulk, KeyValuePair<string, List<BatchAsk>>[] chunk, long started, CancellationToken cancellationToken)
    {
        var queries = chunk.Select(m => m.Value[0].Subject.Query).ToArray();
        var refusal = await Bookkeeping.RefusalAsync(entry.Runtime, cancellationToken);
        var called = time.GetTimestamp();
        IReadOnlyList<ProviderResult> answers;
        if (refusal is not null)
        {
            answers = Enumerable.Repeat(refusal, queries.Length).ToArray();
        }
        else
        {
            try
            {
                answers = await bulk.LookupManyAsync(queries, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                answers = Enumerable.Repeat(Bookkeeping.Crashed(entry.Name, chunk[0].Value[0].Subject.Hash, ex), queries.Length).ToArray();
            }
        }

        for (var n = 0; n < chunk.Length; n++)
        {
            var (key, waiting) = chunk[n];
            var first = waiting[0].Subject;
            var answer = n < answers.Count ? answers[n] : ProviderResult.Failed(ProviderStatus.ServerError, "missing from bulk answer");
            if (refusal is null)
            {
                await Bookkeeping.RecordAsync(entry, first.Query, first.Hash, answer, called);
            }

            var kept = await cache.StoreAsync(key, entry.Name, answer, CancellationToken.None);
            foreach (var ask in waiting)
            {
                ask.Subject.Outcomes[ask.Slot] = Outcome(entry.Name, kept, started);
            }
        }
    }

    /// <summary>One batch subject: its outcomes are filled in by every provider's pass, then merged.</summary>
    private sealed record BatchSubject(
        int Index,
        IReadOnlyList<(ProviderEntry Entry, int Rank)> Providers,
        EnrichmentQuery Query,
        string Hash,
        ProviderOutcome[] Outcomes,
        bool Suppressed,
        long Started);

    /// <summary>One subject's question to one provider: the answer goes to <c>Subject.Outcomes[Slot]</c>.</summary>
    private readonly record struct BatchAsk(BatchSubject Subject, int Slot);
}
