using Tributary.Caching;
using Tributary.Deadlines;
using Tributary.Enrichment;
using Tributary.Providers;

namespace Tributary.Orchestration;

/// <summary>Batch enrichment of many subjects, grouping cache misses into bulk calls where a provider has them.</summary>
public sealed partial class EnrichmentEngine
{
    // Providers without a bulk endpoint are asked about several subjects of a batch at once, as the runners' workers
    // did before; their rate gates make the excess wait.
    private const int SingleLookupConcurrency = 8;

    // A batch larger than one bulk call sends its chunks side by side (ZoomInfo takes 25 people a call, so a claim of
    // 100 is four calls in the time of one); the provider's rate gate still paces them.
    private const int BulkChunkConcurrency = 4;

    // Rounds of joining calls in flight before a record takes whatever answer it has.
    private const int MaxBulkRounds = 3;

    /// <summary>
    /// Enriches many subjects as batch work: for each provider, the subjects the cache and the ledger cannot answer
    /// are sent in chunks to its bulk endpoint (one lookup at a time where it has none), and every answer is booked,
    /// cached and merged exactly as <see cref="EnrichAsync"/> does. Results are in request order. Real-time and
    /// waterfall requests are enriched one by one: a waterfall asks a provider only for what the ones before it left empty.
    /// Returns once the paid answers are durable in the ledger.
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
                results[i] = await EnrichOneAsync(request, cancellationToken);
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

        // Paid answers are durable before the batch hands its rows on: after a crash, a rerun pays only for calls that
        // were still in flight.
        await cache.FlushAsync(cancellationToken);
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

        // A record that joined a real-time call which gave up is asked again; a few rounds settle any race.
        var started = time.GetTimestamp();
        for (var round = 0; asks.Length > 0; round++)
        {
            asks = await AskBulkRoundAsync(entry, bulk, asks, started, lastRound: round == MaxBulkRounds - 1, cancellationToken);
        }
    }

    /// <summary>
    /// One pass over a provider's asks: answers from the cache or the ledger, joins calls already in flight for the
    /// same key (real-time or another batch's), and claims the rest for bulk calls. Returns the asks to try again.
    /// </summary>
    private async Task<BatchAsk[]> AskBulkRoundAsync(
        ProviderEntry entry, IBulkEnrichmentProvider bulk, BatchAsk[] asks, long started, bool lastRound, CancellationToken cancellationToken)
    {
        var claimed = new Dictionary<string, ClaimedLookup>(StringComparer.Ordinal);
        var joined = new List<(LookupFlight Flight, BatchAsk Ask)>();
        try
        {
            foreach (var ask in asks)
            {
                if (SkipReason(entry, ask.Subject.Query) is { } reason)
                {
                    ask.Subject.Outcomes[ask.Slot] = ProviderOutcome.Skipped(entry.Name, reason);
                    continue;
                }

                // A subject asked twice in one batch costs one lookup, as concurrent EnrichAsync calls share one.
                var key = keys.For(entry, ask.Subject.Query, ask.Subject.Hash);
                if (claimed.TryGetValue(key, out var mine))
                {
                    mine.Asks.Add(ask);
                    continue;
                }

                var flight = cache.Claim(key, batch: true, out var isMine);
                if (!isMine)
                {
                    joined.Add((flight, ask));
                    continue;
                }

                var lookup = new ClaimedLookup(key, flight, [ask]);
                claimed.Add(key, lookup);
                if (await cache.TryGetAsync(key, entry.Name, cancellationToken) is { } found)
                {
                    Answer(entry, lookup, found, started);
                    claimed.Remove(key);
                }
            }

            await Parallel.ForEachAsync(
                claimed.Values.Chunk(bulk.MaxBatchSize),
                new ParallelOptions { MaxDegreeOfParallelism = BulkChunkConcurrency, CancellationToken = cancellationToken },
                (chunk, token) => new ValueTask(LookupChunkAsync(entry, bulk, chunk, started, token)));

            claimed.Clear();
        }
        finally
        {
            // Whatever stopped this round (cancellation, a store error), nobody may be left waiting on its claims; a
            // claim already landed is not changed by landing it again.
            foreach (var lookup in claimed.Values)
            {
                cache.Land(lookup.Flight, CacheEntry.Failure(ProviderStatus.ServerError, time.GetUtcNow(), "batch stopped"));
            }
        }

        var again = new List<BatchAsk>();
        foreach (var (flight, ask) in joined)
        {
            var entryFound = await flight.Answer.WaitAsync(cancellationToken);
            if (!lastRound && !flight.IsBatch && !entryFound.Status.IsDefinitive())
            {
                again.Add(ask);
                continue;
            }

            ask.Subject.Outcomes[ask.Slot] = Outcome(entry.Name, entryFound, started);
        }

        return again.ToArray();
    }

    /// <summary>
    /// One bulk call for as many subjects as the daily budget has room for (the rest are refused), then each answer
    /// booked, kept durably and handed to everyone waiting for it.
    /// </summary>
    private async Task LookupChunkAsync(
        ProviderEntry entry, IBulkEnrichmentProvider bulk, ClaimedLookup[] chunk, long started, CancellationToken cancellationToken)
    {
        // With a shared cache, a subject another process is calling already is not called here too: its answer is
        // awaited instead. This process's leases are released (at the end of this method) once its answers are stored.
        await using var shared = await cache.JoinSharedAsync([.. chunk.Select(c => c.Key)], cancellationToken);
        var ours = new List<ClaimedLookup>(chunk.Length);
        foreach (var lookup in chunk)
        {
            if (shared.TryGetTheirs(lookup.Key, out var theirs))
            {
                Answer(entry, lookup, theirs, started);
            }
            else
            {
                ours.Add(lookup);
            }
        }

        chunk = [.. ours];
        if (chunk.Length == 0)
        {
            return;
        }

        var granted = await Bookkeeping.ReserveAsync(entry.Runtime, chunk.Length, cancellationToken);
        try
        {
            var queries = chunk.Take(granted).Select(c => c.Asks[0].Subject.Query with { LookupKey = c.Key }).ToArray();
            var called = time.GetTimestamp();
            IReadOnlyList<ProviderResult> answers = [];
            if (queries.Length > 0)
            {
                try
                {
                    answers = await bulk.LookupManyAsync(queries, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    answers = Enumerable.Repeat(Bookkeeping.Crashed(entry.Name, chunk[0].Asks[0].Subject.Hash, ex), queries.Length).ToArray();
                }
            }

            for (var n = 0; n < chunk.Length; n++)
            {
                var lookup = chunk[n];
                var first = lookup.Asks[0].Subject;
                ProviderResult answer;
                if (n >= granted)
                {
                    answer = ProviderAnswerBookkeeping.Refusal(entry.Runtime);
                }
                else
                {
                    answer = n < answers.Count ? answers[n] : ProviderResult.Failed(ProviderStatus.ServerError, "missing from bulk answer");
                    await Bookkeeping.RecordAsync(entry, first.Query, first.Hash, answer, called);
                }

                Answer(entry, lookup, await cache.StoreAsync(lookup.Key, entry.Name, answer, CancellationToken.None), started);
            }

            if (queries.Length > 0)
            {
                // The chunk's answers are durable before this provider's next bulk call goes out (see LookupCache.FlyAsync).
                await cache.FlushAsync(CancellationToken.None);
            }
        }
        finally
        {
            Bookkeeping.Release(entry.Runtime, granted);
        }
    }

    /// <summary>Hands a claimed lookup's entry to its own asks and to everyone who joined its flight.</summary>
    private void Answer(ProviderEntry entry, ClaimedLookup lookup, CacheEntry found, long started)
    {
        cache.Land(lookup.Flight, found);
        foreach (var ask in lookup.Asks)
        {
            ask.Subject.Outcomes[ask.Slot] = Outcome(entry.Name, found, started);
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

    /// <summary>A key this batch claimed: its flight, and the asks of this batch waiting for it.</summary>
    private sealed record ClaimedLookup(string Key, LookupFlight Flight, List<BatchAsk> Asks);
}
