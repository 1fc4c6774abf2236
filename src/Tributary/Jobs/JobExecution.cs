using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Tributary.Host.Batch;
using Tributary.Host.Contracts;
using Tributary.Providers;
using Tributary.Storage;

namespace Tributary.Host.Jobs;

/// <summary>
/// Runs one claimed job: its pending records are read from the store page by page, enriched by a bounded set of
/// workers, and their results saved in small batches that also renew the claim. Records already done before a
/// restart are not read again; a record redone because its result was not saved yet costs nothing (the ledger).
/// </summary>
internal sealed class JobExecution(
    IJobStore store,
    IRunStore runs,
    RecordEnricher enricher,
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
            await EnrichRecordsAsync(id, owner, settings, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await store.ReleaseAsync(id, owner, CancellationToken.None);
            JobsLog.Released(logger, id);
            return;
        }
        catch (Exception ex)
        {
            JobsLog.JobFailed(logger, id, ex.GetType().Name);
            await store.FinishAsync(id, JobState.Failed, "internal error: " + ex.GetType().Name, time.GetUtcNow(), CancellationToken.None);
            return;
        }

        await store.FinishAsync(id, JobState.Completed, null, time.GetUtcNow(), CancellationToken.None);
        var finished = (await store.GetAsync(id, CancellationToken.None))!;
        var c = finished.Counts;
        var spent = await credits.TotalAsync(CancellationToken.None) - creditsBefore;
        await runs.FinishAsync(runId, new RunTotals(c.Total, c.Matched, c.Unmatched, c.Rejected, c.Failed, spent, apiVersions.Snapshot()), time.GetUtcNow(), CancellationToken.None);
        JobsLog.Finished(logger, id, "completed", c.Processed, c.Total, c.Matched, c.Rejected, c.Failed);
    }

    /// <summary>Store → bounded channel → workers → bounded channel → batched saves.</summary>
    private async Task EnrichRecordsAsync(string id, string owner, JobSettings settings, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = Channel.CreateBounded<JobRecord>(new BoundedChannelOptions(_options.Concurrency * 4) { SingleWriter = true });
        var results = Channel.CreateBounded<JobRecordResult>(new BoundedChannelOptions(SaveBatch * 4) { SingleReader = true });
        var reader = Task.Run(() => ReadPendingAsync(id, pending.Writer, stop.Token), CancellationToken.None);
        var workers = Enumerable.Range(0, _options.Concurrency)
            .Select(_ => Task.Run(() => EnrichAsync(id, settings, pending.Reader, results.Writer, stop.Token), CancellationToken.None))
            .ToArray();
        var producers = CompleteWhenDoneAsync(results.Writer, [reader, .. workers]);
        try
        {
            // The saver is not cancelled with the job: on shutdown it still saves what the workers finished.
            await SaveAsync(id, owner, results.Reader);
        }
        catch
        {
            // Workers must not wait forever on a full channel nobody reads any more.
            await stop.CancelAsync();
            await producers.ContinueWith(static _ => { }, TaskScheduler.Default);
            throw;
        }

        await producers;
    }

    private async Task ReadPendingAsync(string id, ChannelWriter<JobRecord> pending, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var record in store.ReadPendingRecordsAsync(id, cancellationToken))
            {
                await pending.WriteAsync(record, cancellationToken);
            }
        }
        finally
        {
            pending.TryComplete();
        }
    }

    private async Task EnrichAsync(string id, JobSettings settings, ChannelReader<JobRecord> pending, ChannelWriter<JobRecordResult> results, CancellationToken cancellationToken)
    {
        await foreach (var record in pending.ReadAllAsync(cancellationToken))
        {
            EnrichedRecord enriched;
            try
            {
                var body = JsonSerializer.Deserialize(record.Json, GatewayJsonContext.Default.EnrichRequestBody)!;
                enriched = await enricher.EnrichAsync(body with { Mode = settings.Mode, Providers = settings.Providers, TimeoutMs = null }, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                JobsLog.RecordCrashed(logger, id, record.Index, ex.GetType().Name);
                enriched = new EnrichedRecord(RecordOutcome.Failed, null, "internal error: " + ex.GetType().Name);
            }

            var line = JsonSerializer.Serialize(JobResultLine.Of(record.Index, enriched.Outcome, enriched.Flat, enriched.Reason), JobsJsonContext.Default.JobResultLine);
            await results.WriteAsync(new JobRecordResult(record.Index, enriched.Outcome, line), cancellationToken);
        }
    }

    /// <summary>Saves results every <see cref="SaveBatch"/> records or <see cref="SaveInterval"/>, whichever first; an empty save still renews the claim.</summary>
    private async Task SaveAsync(string id, string owner, ChannelReader<JobRecordResult> results)
    {
        var batch = new List<JobRecordResult>(SaveBatch);
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
                await store.SaveResultsAsync(id, owner, batch, time.GetUtcNow() + Lease, CancellationToken.None);
                batch.Clear();
                lastSave = time.GetTimestamp();
            }
        }
    }

    /// <summary>Ends the results channel once reader and workers are done, however they ended; their failure is this task's.</summary>
    private static async Task CompleteWhenDoneAsync(ChannelWriter<JobRecordResult> results, Task[] tasks)
    {
        try
        {
            await Task.WhenAll(tasks);
        }
        finally
        {
            results.TryComplete();
        }
    }
}
