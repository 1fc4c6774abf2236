using Tributary.Host.Batch.Input;
using Tributary.Host.Batch.Output;
using Tributary.Host.BatchPump;
using Tributary.Host.Flat;
using Tributary.Host.Identity;
using Tributary.Providers;
using Tributary.Storage;

namespace Tributary.Host.Batch;

/// <summary>
/// One run of <c>tributary enrich</c>: the file is streamed through the <see cref="EnrichmentPump"/> and written out in
/// input order, so memory does not depend on the file's size. Output and rejects are written to temporary files moved
/// into place at the end: a killed run never leaves a truncated file, and running it again redoes the rows for free
/// from the ledger of paid lookups. Fresh matches link their identifiers in the identity graph (<c>Identity:LinkOnEnrich</c>).
/// </summary>
internal sealed class FileEnrichmentRun(
    FileEnrichmentRequest request,
    EnrichmentPump pump,
    FlatFields fields,
    AnswerLinker linker,
    IRunStore runs,
    CreditTotals credits,
    ProviderApiVersions apiVersions,
    TimeProvider time,
    ILogger logger)
{
    private long _inputWritten;

    public RunCounters Counters { get; } = new(fields);

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
            if (HeaderNames.FirstThatLooksLikeData(source.Columns) is >= 0 and var column)
            {
                throw new BatchInputException(
                    $"the first line looks like a record, not a header (column {column + 1} holds an email address or a phone number). "
                    + "Add a header line naming the columns, e.g. email,name,company; the first record would otherwise be read as the header and not enriched.");
            }

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
        await using var files = PartialFiles.Open(request.Output, request.Rejects);
        var runId = await runs.StartAsync(RunKind.File, Path.GetFileName(request.Input), time.GetUtcNow(), cancellationToken);
        var creditsBefore = await credits.TotalAsync(cancellationToken);
        await using (var sink = CreateSink(files.Output, new OutputLayout(source.Columns, fields)))
        await using (var rejects = new RejectsWriter(files.Rejects))
        {
            await PumpAsync(source, map, sink, rejects, cancellationToken);
            await sink.CompleteAsync(cancellationToken);
            await rejects.CompleteAsync(cancellationToken);
        }

        await files.CommitAsync();

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

    /// <summary>Rows → pump → output and rejects, in input order.</summary>
    private async Task PumpAsync(IRowSource source, ColumnMap map, IRowSink sink, RejectsWriter rejects, CancellationToken cancellationToken)
    {
        var links = new RunLinks(linker);
        try
        {
            await pump.RunAsync(
                RowsOf(source).ToAsyncEnumerable(),
                row => row.Rejection is { } reason ? RecordRequest.Rejected(reason) : RecordRequest.Enrich(map.Identifiers(row.Values!)),
                async (chunk, token) =>
                {
                    await WriteAsync(chunk, sink, rejects, token);
                    await links.AddAsync(chunk.Select(static row => AnswerLink.From(row.Request, row.Result)), token);
                },
                new PumpOptions { Mode = request.Mode, Providers = request.Providers, Concurrency = request.Concurrency, Ordered = true },
                cancellationToken);
        }
        finally
        {
            await links.CompleteAsync();
        }
    }

    private static IEnumerable<InputRow> RowsOf(IRowSource source)
    {
        while (source.Read() is { } row)
        {
            yield return row;
        }
    }

    private async ValueTask WriteAsync(IReadOnlyList<EnrichedRecord<InputRow>> chunk, IRowSink sink, RejectsWriter rejects, CancellationToken cancellationToken)
    {
        foreach (var row in chunk)
        {
            // A row that could not be read has no columns to write: it is only in the rejects file.
            if (row.Record.Values is not null)
            {
                await sink.WriteAsync(row, cancellationToken);
            }

            if (row.Outcome == RecordOutcome.Rejected)
            {
                rejects.Write(row.Record.Line, row.Reason ?? "rejected", row.Record.Raw);
            }

            Counters.Add(row);
            Interlocked.Exchange(ref _inputWritten, Math.Min(row.Record.End, InputLength));
        }
    }
}
