using System.Threading.Channels;
using Tributary.Host.Batch.Input;
using Tributary.Host.Batch.Output;
using Tributary.Providers;
using Tributary.Storage;

namespace Tributary.Host.Batch;

/// <summary>
/// One run of <c>tributary enrich</c>: the file is streamed in, enriched by a bounded set of workers, and streamed
/// out in input order through a small reorder window, so memory does not depend on the file's size. Output and
/// rejects are written to temporary files moved into place at the end: a killed run never leaves a truncated file,
/// and running it again redoes the rows for free from the ledger of paid lookups.
/// </summary>
internal sealed class FileEnrichmentRun(
    FileEnrichmentRequest request,
    RecordEnricher enricher,
    IRunStore runs,
    CreditTotals credits,
    ProviderApiVersions apiVersions,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Rows read but not yet written, at most: what bounds the reorder buffer. Room for a batch per worker.</summary>
    private int Window => Math.Max(64, request.Concurrency * RecordEnricher.BatchSize * 2);

    private long _inputWritten;

    public RunCounters Counters { get; } = new();

    /// <summary>
    /// How much of the input has been written out (characters, which are bytes for ASCII); with
    /// <see cref="InputLength"/>, the run's progress. Counted as rows are written, not read, so read-ahead does not
    /// make a run look further along than it is.
    /// </summary>
    public long InputWritten => Interlocked.Read(ref _inputWritten);

    /// <summary>Size of the input in bytes.</summary>
    public long InputLength { get; private set; } = 1;

    /// <summary>Opens the input and works out its columns; throws <see cref="BatchInputException"/> when it cannot be enriched.</summary>
    public static (IRowSource Source, ColumnMap Map) Open(FileEnrichmentRequest request)
    {
        IRowSource source = request.InputFormat == InputFormat.Csv ? CsvRowSource.Open(request.Input) : JsonLinesRowSource.Open(request.Input);
        try
        {
            if (!ColumnMap.TryCreate(source.Columns, request.Overrides, out var map, out var error))
            {
                throw new BatchInputException(error);
            }

            if (map.Indexes.Count == 0)
            {
                throw new BatchInputException(
                    $"no identifier column found among: {string.Join(", ", source.Columns)}. Name one with --map, e.g. --map \"{source.Columns[0]}=email\".");
            }

            return (source, map);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    public async Task<FileRunReport> RunAsync(IRowSource source, ColumnMap map, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        InputLength = Math.Max(1, source.Length);
        var runId = await runs.StartAsync(RunKind.File, Path.GetFileName(request.Input), time.GetUtcNow(), cancellationToken);
        var creditsBefore = await credits.TotalAsync(cancellationToken);
        var partialOutput = request.Output + ".partial";
        var partialRejects = request.Rejects + ".partial";
        try
        {
            await using (var outputStream = new FileStream(partialOutput, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024))
            await using (var rejectsStream = new FileStream(partialRejects, FileMode.Create, FileAccess.Write, FileShare.None, 16 * 1024))
            {
                await using var sink = CreateSink(outputStream, new OutputLayout(source.Columns));
                await using var rejects = new RejectsWriter(rejectsStream);
                await PumpAsync(source, map, sink, rejects, cancellationToken);
                await sink.CompleteAsync(cancellationToken);
                await rejects.CompleteAsync(cancellationToken);
            }

            File.Move(partialOutput, request.Output, overwrite: true);
            File.Move(partialRejects, request.Rejects, overwrite: true);
        }
        catch
        {
            TryDelete(partialOutput);
            TryDelete(partialRejects);
            throw;
        }

        var spent = await credits.TotalAsync(CancellationToken.None) - creditsBefore;
        var totals = new RunTotals(Counters.Rows, Counters.Matched, Counters.Unmatched, Counters.Rejected, Counters.Failed, spent, apiVersions.Snapshot());
        await runs.FinishAsync(runId, totals, time.GetUtcNow(), CancellationToken.None);
        var elapsed = time.GetElapsedTime(started);
        BatchLog.RunFinished(logger, runId, totals.Rows, totals.Matched, totals.Rejected, totals.Failed, (long)elapsed.TotalMilliseconds);
        return new FileRunReport(runId, Counters, spent, elapsed, request.Output, request.Rejects);
    }

    private IRowSink CreateSink(Stream stream, OutputLayout layout) => request.OutputFormat switch
    {
        OutputFormat.Csv => new CsvRowSink(stream, layout),
        OutputFormat.JsonLines => new JsonLinesRowSink(stream, layout),
        _ => new ParquetRowSink(stream, layout),
    };

    /// <summary>Reader → bounded channel → workers → reorder window → writer.</summary>
    private async Task PumpAsync(IRowSource source, ColumnMap map, IRowSink sink, RejectsWriter rejects, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var window = new SemaphoreSlim(Window, Window);
        var work = Channel.CreateBounded<(long Sequence, InputRow Row)>(new BoundedChannelOptions(request.Concurrency * RecordEnricher.BatchSize) { SingleWriter = true });
        var done = Channel.CreateUnbounded<RowResult>(new UnboundedChannelOptions { SingleReader = true });

        var warmedUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var producer = Task.Run(() => ReadAsync(source, window, work.Writer, done.Writer, stop.Token), CancellationToken.None);
        var workers = Enumerable.Range(0, request.Concurrency)
            .Select(i => Task.Run(() => EnrichAsync(map, work.Reader, done.Writer, i == 0 ? null : warmedUp.Task, i == 0 ? warmedUp : null, stop.Token), CancellationToken.None))
            .ToArray();
        var closed = CloseWhenDoneAsync(done.Writer, [producer, .. workers]);
        try
        {
            var pending = new Dictionary<long, RowResult>();
            var next = 0L;
            await foreach (var result in done.Reader.ReadAllAsync(stop.Token))
            {
                pending.Add(result.Sequence, result);
                while (pending.Remove(next, out var ready))
                {
                    // A row that could not be read has no columns to write: it is only in the rejects file.
                    if (ready.Row.Values is not null)
                    {
                        await sink.WriteAsync(ready, stop.Token);
                    }

                    if (ready.Outcome == RecordOutcome.Rejected)
                    {
                        rejects.Write(ready.Row.Line, ready.Reason ?? "rejected", ready.Row.Raw);
                    }

                    Counters.Add(ready);
                    Interlocked.Exchange(ref _inputWritten, Math.Min(ready.Row.End, InputLength));
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

    private static async Task ReadAsync(IRowSource source, SemaphoreSlim window, ChannelWriter<(long, InputRow)> work, ChannelWriter<RowResult> done, CancellationToken cancellationToken)
    {
        try
        {
            var sequence = 0L;
            while (source.Read() is { } row)
            {
                await window.WaitAsync(cancellationToken);
                if (row.Rejection is { } reason)
                {
                    done.TryWrite(new RowResult(sequence++, row, RecordOutcome.Rejected, null, reason));
                }
                else
                {
                    await work.WriteAsync((sequence++, row), cancellationToken);
                }
            }
        }
        finally
        {
            work.TryComplete();
        }
    }

    /// <summary>
    /// A worker. The first one enriches a row alone before the others start (<paramref name="warmedUp"/>): on a cold
    /// process, connections, token caches and JIT are set up once instead of by every worker at the same time, which
    /// on a small machine made the first calls miss their per-attempt timeout and open circuits.
    /// </summary>
    private async Task EnrichAsync(
        ColumnMap map, ChannelReader<(long Sequence, InputRow Row)> work, ChannelWriter<RowResult> done, Task? waitFor, TaskCompletionSource? warmedUp, CancellationToken cancellationToken)
    {
        try
        {
            if (waitFor is not null)
            {
                await waitFor.WaitAsync(cancellationToken);
            }

            await EnrichRowsAsync(map, work, done, warmedUp, cancellationToken);
        }
        finally
        {
            warmedUp?.TrySetResult();
        }
    }

    private async Task EnrichRowsAsync(
        ColumnMap map, ChannelReader<(long Sequence, InputRow Row)> work, ChannelWriter<RowResult> done, TaskCompletionSource? warmedUp, CancellationToken cancellationToken)
    {
        var batch = new List<(long Sequence, InputRow Row)>(RecordEnricher.BatchSize);
        while (await work.WaitToReadAsync(cancellationToken))
        {
            // Whatever consecutive rows are waiting, up to one batch: a full batch while the reader is ahead, without
            // holding back the rows of a slow input.
            batch.Clear();
            while (batch.Count < RecordEnricher.BatchSize && work.TryRead(out var item))
            {
                batch.Add(item);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            var records = await EnrichBatchAsync(map, batch, cancellationToken);
            for (var n = 0; n < batch.Count; n++)
            {
                done.TryWrite(new RowResult(batch[n].Sequence, batch[n].Row, records[n].Outcome, records[n].Flat, records[n].Reason));
            }

            warmedUp?.TrySetResult();
        }
    }

    private async Task<EnrichedRecord[]> EnrichBatchAsync(ColumnMap map, List<(long Sequence, InputRow Row)> batch, CancellationToken cancellationToken)
    {
        try
        {
            return await enricher.EnrichManyAsync(batch.Select(item => map.Identifiers(item.Row.Values!) with { Mode = request.Mode, Providers = request.Providers }).ToArray(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            BatchLog.RowCrashed(logger, batch[0].Row.Line, ex.GetType().Name);
            return batch.Select(_ => new EnrichedRecord(RecordOutcome.Failed, null, "internal error: " + ex.GetType().Name)).ToArray();
        }
    }

    private static async Task CloseWhenDoneAsync(ChannelWriter<RowResult> done, Task[] tasks)
    {
        try
        {
            await Task.WhenAll(tasks);
            done.TryComplete();
        }
        catch (Exception ex)
        {
            done.TryComplete(ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
