using System.Threading.Channels;
using Tributary.Enrichment;
using Tributary.Host.Flat;
using Tributary.Identifiers;
using Tributary.Orchestration;
using Tributary.Storage;

namespace Tributary.Host.BatchPump;

/// <summary>
/// The one way batch work is enriched (a file, a bulk job, staged CRM records): records from a source are grouped
/// into chunks, each chunk goes to <see cref="EnrichmentEngine.EnrichManyAsync"/> (which sends the misses to the
/// providers' bulk endpoints) as batch work that waits for rate limits instead of failing, and the results go to a
/// sink chunk by chunk, in source order when the sink needs it. Memory is bounded by
/// <see cref="PumpOptions.MaxChunksInFlight"/>, not by the source's size. Every answer goes through the cache and the
/// ledger of paid lookups, which is what makes a rerun free for records already done.
/// </summary>
internal sealed class EnrichmentPump(EnrichmentEngine engine, IdentifierNormalizer normalizer, ILogger<EnrichmentPump> logger)
{
    /// <summary>
    /// Matched when any field was found; failed when nothing was found and some provider could not answer, or no
    /// provider is enabled to ask (nobody said "no match": a rerun once one is may find it); unmatched otherwise.
    /// </summary>
    public static RecordOutcome Classify(EnrichmentResult result) =>
        !result.Profile.IsEmpty ? RecordOutcome.Matched
        : result.Outcomes.Count == 0 || result.Outcomes.Any(o => o.Status.IsFailure()) ? RecordOutcome.Failed
        : RecordOutcome.Unmatched;

    /// <summary>Why a record failed, in the words of its providers column.</summary>
    private static string FailureReason(EnrichmentResult result, FlatAnswer flat) =>
        result.Outcomes.Count == 0 ? "no provider is enabled" : flat.Providers;

    /// <summary>
    /// Source → chunks → workers → (reorder window) → sink. Ends when every record of <paramref name="records"/> went
    /// through <paramref name="sink"/>; a failure of the source or the sink stops the run and is rethrown.
    /// </summary>
    /// <param name="records">The source, read once, front to back.</param>
    /// <param name="describe">What a record asks; called on a worker, so it may parse.</param>
    /// <param name="sink">Takes each chunk's results; called by one task at a time.</param>
    /// <param name="options">Mode, providers, chunk size, concurrency and ordering.</param>
    /// <param name="cancellationToken">Stops the run; chunks already through the sink stay done.</param>
    public async Task RunAsync<T>(
        IAsyncEnumerable<T> records,
        Func<T, RecordRequest> describe,
        Func<IReadOnlyList<EnrichedRecord<T>>, CancellationToken, ValueTask> sink,
        PumpOptions options,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var window = new SemaphoreSlim(options.MaxChunksInFlight, options.MaxChunksInFlight);
        var pending = Channel.CreateBounded<Chunk<T>>(new BoundedChannelOptions(options.MaxChunksInFlight) { SingleWriter = true });
        var enriched = Channel.CreateBounded<Chunk<T>>(new BoundedChannelOptions(options.MaxChunksInFlight) { SingleReader = true });

        var warmedUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Task.Run(() => ReadAsync(records, options.ChunkSize, window, pending.Writer, stop.Token), CancellationToken.None);
        var workers = Enumerable.Range(0, options.Concurrency)
            .Select(i => Task.Run(
                () => EnrichAsync(pending.Reader, enriched.Writer, describe, options, i == 0 ? null : warmedUp.Task, i == 0 ? warmedUp : null, stop.Token),
                CancellationToken.None))
            .ToArray();
        var closed = CompleteWhenDoneAsync(enriched.Writer, [reader, .. workers]);
        try
        {
            var waiting = new Dictionary<long, Chunk<T>>();
            var next = 0L;
            await foreach (var chunk in enriched.Reader.ReadAllAsync(stop.Token))
            {
                if (!options.Ordered)
                {
                    await sink(chunk.Results, stop.Token);
                    window.Release();
                    continue;
                }

                waiting.Add(chunk.Sequence, chunk);
                while (waiting.Remove(next, out var ready))
                {
                    await sink(ready.Results, stop.Token);
                    next++;
                    window.Release();
                }
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            await closed;
        }
    }

    /// <summary>
    /// Groups records into chunks. A chunk goes out when it is full, or as soon as the source has nothing ready, so a
    /// slow source (a queue, a network page) does not hold back the records it already gave.
    /// </summary>
    private static async Task ReadAsync<T>(IAsyncEnumerable<T> records, int size, SemaphoreSlim window, ChannelWriter<Chunk<T>> pending, CancellationToken cancellationToken)
    {
        try
        {
            var sequence = 0L;
            var buffer = new List<T>(size);
            await using var source = records.GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                var moving = source.MoveNextAsync();
                if (!moving.IsCompleted && buffer.Count > 0)
                {
                    await SendAsync();
                }

                if (!await moving)
                {
                    break;
                }

                buffer.Add(source.Current);
                if (buffer.Count == size)
                {
                    await SendAsync();
                }
            }

            if (buffer.Count > 0)
            {
                await SendAsync();
            }

            async Task SendAsync()
            {
                await window.WaitAsync(cancellationToken);
                await pending.WriteAsync(new Chunk<T>(sequence++, [.. buffer]), cancellationToken);
                buffer.Clear();
            }
        }
        finally
        {
            pending.TryComplete();
        }
    }

    /// <summary>
    /// A worker. The first one enriches a chunk alone before the others start (<paramref name="waitFor"/>): on a cold
    /// process, connections, token caches and JIT are set up once instead of by every worker at the same time, which
    /// on a small machine made the first calls miss their per-attempt timeout and open circuits.
    /// </summary>
    private async Task EnrichAsync<T>(
        ChannelReader<Chunk<T>> pending,
        ChannelWriter<Chunk<T>> enriched,
        Func<T, RecordRequest> describe,
        PumpOptions options,
        Task? waitFor,
        TaskCompletionSource? warmedUp,
        CancellationToken cancellationToken)
    {
        try
        {
            if (waitFor is not null)
            {
                await waitFor.WaitAsync(cancellationToken);
            }

            await foreach (var chunk in pending.ReadAllAsync(cancellationToken))
            {
                chunk.Results = await EnrichChunkAsync(chunk.Records, describe, options, cancellationToken);
                await enriched.WriteAsync(chunk, cancellationToken);
                warmedUp?.TrySetResult();
            }
        }
        finally
        {
            warmedUp?.TrySetResult();
        }
    }

    private async Task<EnrichedRecord<T>[]> EnrichChunkAsync<T>(T[] records, Func<T, RecordRequest> describe, PumpOptions options, CancellationToken cancellationToken)
    {
        var results = new EnrichedRecord<T>[records.Length];
        var requests = new List<EnrichmentRequest>(records.Length);
        var positions = new List<int>(records.Length);
        for (var i = 0; i < records.Length; i++)
        {
            var ask = Describe(records[i], describe);
            if (ask.Body is null)
            {
                results[i] = new EnrichedRecord<T>(records[i], ask.Outcome, null, null, null, ask.Reason);
            }
            else if (EnrichRequestParser.TryBuildBatch(ask.Body, options.Mode, options.Providers, normalizer, out var request, out var field, out var detail))
            {
                requests.Add(request);
                positions.Add(i);
            }
            else
            {
                results[i] = new EnrichedRecord<T>(records[i], RecordOutcome.Rejected, null, null, null, $"{field}: {detail}");
            }
        }

        if (requests.Count == 0)
        {
            return results;
        }

        try
        {
            var answers = await engine.EnrichManyAsync(requests, cancellationToken);
            for (var n = 0; n < answers.Count; n++)
            {
                var answer = answers[n];
                var flat = FlatAnswer.Of(answer);
                var outcome = Classify(answer);
                results[positions[n]] = new EnrichedRecord<T>(records[positions[n]], outcome, requests[n], answer, flat, outcome == RecordOutcome.Failed ? FailureReason(answer, flat) : null);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            PumpLog.ChunkCrashed(logger, requests.Count, ex.GetType().Name);
            foreach (var i in positions)
            {
                results[i] = new EnrichedRecord<T>(records[i], RecordOutcome.Failed, null, null, null, "internal error: " + ex.GetType().Name);
            }
        }

        return results;
    }

    private RecordRequest Describe<T>(T record, Func<T, RecordRequest> describe)
    {
        try
        {
            return describe(record);
        }
        catch (Exception ex)
        {
            PumpLog.RecordCrashed(logger, ex.GetType().Name);
            return RecordRequest.Failed("internal error: " + ex.GetType().Name);
        }
    }

    /// <summary>Ends the results channel once reader and workers are done, however they ended; their failure is the reader's of that channel.</summary>
    private static async Task CompleteWhenDoneAsync<T>(ChannelWriter<Chunk<T>> enriched, Task[] tasks)
    {
        try
        {
            await Task.WhenAll(tasks);
            enriched.TryComplete();
        }
        catch (Exception ex)
        {
            enriched.TryComplete(ex);
        }
    }

    /// <summary>Records read together, with their place in the source; <see cref="Results"/> is set once enriched.</summary>
    private sealed class Chunk<T>(long sequence, T[] records)
    {
        public long Sequence { get; } = sequence;

        public T[] Records { get; } = records;

        public EnrichedRecord<T>[] Results { get; set; } = [];
    }
}
