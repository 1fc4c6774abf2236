using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Tributary.Host.BatchPump;
using Tributary.Host.Flat;
using Tributary.Host.Identity;
using Tributary.Host.Privacy;
using Tributary.Identifiers;
using Tributary.Providers;
using Tributary.Storage;

namespace Tributary.Host.Jobs;

/// <summary>
/// Runs one claimed job: its pending records are read from the store page by page and go through the
/// <see cref="EnrichmentPump"/> in chunks (so they reach the providers' bulk endpoints, as a file's rows do), and
/// their results are saved in small batches that also renew the claim. Records already done before a restart are not
/// read again; a record redone because its result was not saved yet costs nothing (the ledger). Fresh matches link their
/// identifiers in the identity graph (<c>Identity:LinkOnEnrich</c>) chunk by chunk, as real-time answers do. A subject
/// erased while its record was out at the providers (in any process) is swept from the results once they are saved.
/// </summary>
internal sealed class JobExecution(
    IJobStore store,
    IRunStore runs,
    EnrichmentPump pump,
    FlatFields fields,
    AnswerLinker linker,
    LateWriteSweep sweep,
    CreditTotals credits,
    ProviderApiVersions apiVersions,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<JobExecution> logger)
{
    private const int SaveBatch = 100;
    private static readonly TimeSpan SaveInterval = TimeSpan.FromMilliseconds(500);

    private readonly JobsOptions _options = options.Value;

    private TimeSpan Lease => TimeSpan.FromSeconds(_options.LeaseSeconds);

    /// <summary>Runs the job to its end, or until <paramref name="cancellationToken"/> stops the server (then hands it back).</summary>
    public async Task RunAsync(string id, string owner, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } job)
        {
            return;
        }

        var settings = JsonSerializer.Deserialize(job.Options, JobsJsonContext.Default.JobSettings) ?? new JobSettings();
        JobsLog.Started(logger, id, job.Counts.Total - job.Counts.Processed);
        var runId = await runs.StartAsync(RunKind.Job, id, time.GetUtcNow(), cancellationToken);
        var creditsBefore = await credits.TotalAsync(cancellationToken);
        try
        {
            await EnrichRecordsAsync(id, owner, settings, time.GetUtcNow(), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await store.ReleaseAsync(id, owner, CancellationToken.None);
            JobsLog.Released(logger, id);
            return;
        }
        catch (JobTakenOverException)
        {
            JobsLog.TakenOver(logger, id);
            return;
        }
        catch (Exception ex)
        {
            JobsLog.JobFailed(logger, id, ex.GetType().Name);
            await store.FinishAsync(id, owner, JobState.Failed, "internal error: " + ex.GetType().Name, time.GetUtcNow(), CancellationToken.None);
            return;
        }

        if (!await store.FinishAsync(id, owner, JobState.Completed, null, time.GetUtcNow(), CancellationToken.None))
        {
            // Its last results were saved, but another server holds the job now and finishes it (one callback).
            JobsLog.TakenOver(logger, id);
            return;
        }

        var finished = (await store.GetAsync(id, CancellationToken.None))!;
        var c = finished.Counts;
        var spent = await credits.TotalAsync(CancellationToken.None) - creditsBefore;
        await runs.FinishAsync(runId, new RunTotals(c.Total, c.Matched, c.Unmatched, c.Rejected, c.Failed, spent, apiVersions.Snapshot()), time.GetUtcNow(), CancellationToken.None);
        JobsLog.Finished(logger, id, "completed", c.Processed, c.Total, c.Matched, c.Rejected, c.Failed);
    }

    /// <summary>Store → pump → bounded channel → batched saves.</summary>
    private async Task EnrichRecordsAsync(string id, string owner, JobSettings settings, DateTimeOffset began, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var results = Channel.CreateBounded<PendingResult>(new BoundedChannelOptions(SaveBatch * 4) { SingleReader = true });
        var enriching = PumpAsync(id, settings, results.Writer, stop.Token);
        try
        {
            // The saver is not cancelled with the job: on shutdown it still saves what the pump finished.
            await SaveAsync(id, owner, began, results.Reader);
        }
        catch
        {
            // The pump must not wait forever on a full channel nobody reads any more.
            await stop.CancelAsync();
            await enriching.ContinueWith(static _ => { }, TaskScheduler.Default);
            throw;
        }

        await enriching;
    }

    /// <summary>Every pending record through the pump; the results channel ends with it, however it ends.</summary>
    private async Task PumpAsync(string id, JobSettings settings, ChannelWriter<PendingResult> results, CancellationToken cancellationToken)
    {
        var links = new RunLinks(linker);
        try
        {
            // Mode and providers were checked when the job was accepted.
            var mode = EnrichRequestParser.TryParseMode(settings.Mode, out var parsed) ? parsed : null;
            await pump.RunAsync(
                store.ReadPendingRecordsAsync(id, cancellationToken),
                record => RecordRequest.Enrich(JsonSerializer.Deserialize(record.Json, FlatJsonContext.Default.EnrichRequestBody)!),
                async (chunk, token) =>
                {
                    foreach (var done in chunk)
                    {
                        var line = JobResultLine.Write(fields, done.Record.Index, done.Record.Json, done.Outcome, done.Flat, done.Reason);
                        await results.WriteAsync(new PendingResult(new JobRecordResult(done.Record.Index, done.Outcome, line), [.. done.Subjects()]), token);
                    }

                    await links.AddAsync(chunk.Select(static done => AnswerLink.From(done.Request, done.Result)), token);
                },
                new PumpOptions { Mode = mode, Providers = settings.Providers, Concurrency = _options.Concurrency },
                cancellationToken);
        }
        finally
        {
            await links.CompleteAsync();
            results.TryComplete();
        }
    }

    /// <summary>Saves results every <see cref="SaveBatch"/> records or <see cref="SaveInterval"/>, whichever first; an empty save still renews the claim.</summary>
    private async Task SaveAsync(string id, string owner, DateTimeOffset began, ChannelReader<PendingResult> results)
    {
        var batch = new List<PendingResult>(SaveBatch);
        var lastSave = time.GetTimestamp();
        Task<bool>? waiting = null;
        var open = true;
        while (open || batch.Count > 0)
        {
            if (open)
            {
                waiting ??= results.WaitToReadAsync().AsTask();
                await Task.WhenAny(waiting, Task.Delay(SaveInterval, time));
                if (waiting.IsCompleted)
                {
                    open = await waiting;
                    waiting = null;
                }
            }

            while (batch.Count < SaveBatch && results.TryRead(out var result))
            {
                batch.Add(result);
            }

            if (batch.Count >= SaveBatch || !open || time.GetElapsedTime(lastSave) >= SaveInterval)
            {
                var held = await store.SaveResultsAsync(id, owner, [.. batch.Select(static pending => pending.Result)], time.GetUtcNow() + Lease, CancellationToken.None);
                if (batch.Count > 0)
                {
                    await sweep.SweepAsync(batch.SelectMany(static pending => pending.Subjects), began, CancellationToken.None);
                }

                if (!held)
                {
                    // This server stalled past its lease and another took the job over: it stops paying for lookups.
                    throw new JobTakenOverException();
                }

                batch.Clear();
                lastSave = time.GetTimestamp();
            }
        }
    }

    /// <summary>Another server holds the job now: this one stops without finishing it.</summary>
    private sealed class JobTakenOverException : Exception;

    /// <summary>A record's result on its way to the store, with whom it names, for the sweep after the save.</summary>
    private readonly record struct PendingResult(JobRecordResult Result, IdentifierSet[] Subjects);
}
