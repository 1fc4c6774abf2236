using Microsoft.Extensions.Options;
using Tributary.Host.BatchPump;
using Tributary.Providers;
using Tributary.Storage;

namespace Tributary.Host.Pipeline;

/// <summary>
/// Claims staged records and runs them through <see cref="PipelinePass"/>, <see cref="PipelineOptions.Concurrency"/>
/// claims at a time, so one CRM call's latency never leaves the CRM's rate limit idle. A run spans from the first
/// claim after an idle spell to the moment the queue has nothing claimable, waiting for its own retries when they come
/// due within <see cref="RetryWaitOfARun"/> (so one record's attempts are one run, not one run each); it is recorded in
/// <c>enrichment_runs</c> and alerts once if too many of its records failed. A pass that throws loses nothing: its records come back when
/// their lease ends.
/// </summary>
internal sealed class PipelineWorker(
    IStagingQueue queue,
    PipelinePass pass,
    PipelineWakeup wakeup,
    IRunStore runs,
    CreditTotals credits,
    ProviderApiVersions apiVersions,
    CrmSystems crms,
    PipelineAlerts alerts,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<PipelineWorker> logger) : IDisposable
{
    /// <summary>The longest a run stays open, idle, for retries it scheduled; a later retry goes to a run of its own.</summary>
    public static readonly TimeSpan RetryWaitOfARun = TimeSpan.FromSeconds(60);

    /// <summary>How often an open run records its counts so far, which also shows that its worker is alive.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(15);

    /// <summary>How long a lane waits after a failure outside a pass (the store unreachable) before it tries again.</summary>
    private static readonly TimeSpan FailurePause = TimeSpan.FromSeconds(5);

    private readonly PipelineOptions _options = options.Value;
    private readonly SemaphoreSlim _runGate = new(1, 1);
    private PipelineRun? _run;
    private CancellationTokenSource? _progressStop;
    private Task _progress = Task.CompletedTask;
    private int _busy;

    public void Dispose()
    {
        _progressStop?.Dispose();
        _runGate.Dispose();
    }

    /// <summary>Works until cancelled, waiting for staged records when there are none.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => RunLanesAsync(untilDrained: false, cancellationToken);

    /// <summary>Works until nothing is claimable (records waiting for a retry time are left for later), then returns.</summary>
    public Task DrainAsync(CancellationToken cancellationToken) => RunLanesAsync(untilDrained: true, cancellationToken);

    private async Task RunLanesAsync(bool untilDrained, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, _options.Concurrency).Select(_ => Task.Run(() => LaneAsync(untilDrained, cancellationToken), CancellationToken.None)));
        }
        finally
        {
            try
            {
                await FinishRunAsync(force: true);
            }
            catch (Exception exception)
            {
                // Stopping with the store unreachable: the run stays open and is shown interrupted.
                PipelineLog.RunNotFinished(logger, exception);
            }
        }
    }

    private async Task LaneAsync(bool untilDrained, CancellationToken cancellationToken)
    {
        var lease = TimeSpan.FromSeconds(_options.LeaseSeconds);
        var claimSize = crms.ClaimSize(_options.BatchSize);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!await WorkOnceAsync(untilDrained, claimSize, lease, cancellationToken))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (!untilDrained)
            {
                // The store unreachable, most likely: a lane waits and tries again rather than stopping the process.
                // Nothing is lost: records it held return when their lease ends.
                PipelineLog.LaneFailed(logger, FailurePause.TotalSeconds, exception);
                try
                {
                    await Task.Delay(FailurePause, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims and works one batch, or waits for one; false when draining and nothing is left.</summary>
    private async Task<bool> WorkOnceAsync(bool untilDrained, int claimSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        var claim = await queue.ClaimAsync(claimSize, lease, crms.PipelineSources, cancellationToken);
        if (claim.Records.Count == 0)
        {
            await FinishRunAsync(force: false);
            if (untilDrained && Volatile.Read(ref _busy) == 0)
            {
                return false;
            }

            await wakeup.WaitAsync(TimeSpan.FromMilliseconds(untilDrained ? 20 : _options.PollMilliseconds), time, cancellationToken);
            return true;
        }

        var run = await EnterAsync();
        try
        {
            using var keepLease = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var renewing = RenewLeaseAsync(claim.Token, lease, keepLease.Token);
            try
            {
                await pass.RunAsync(claim, run, cancellationToken);
            }
            finally
            {
                await keepLease.CancelAsync();
                await renewing;
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A worker loop never dies on one failure; the claim's records return when its lease ends.
            PipelineLog.PassFailed(logger, exception);
        }
        finally
        {
            Interlocked.Decrement(ref _busy);
        }

        return true;
    }

    /// <summary>Extends the claim's lease every third of it while the pass runs, so a slow CRM does not hand the records to another worker.</summary>
    private async Task RenewLeaseAsync(Guid token, TimeSpan lease, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(lease / 3, time, cancellationToken);
                await queue.ExtendAsync(token, lease, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<PipelineRun> EnterAsync()
    {
        await _runGate.WaitAsync();
        try
        {
            if (_run is null)
            {
                var id = await runs.StartAsync(RunKind.Pipeline, string.Join(",", crms.All.Select(c => c.Name).Order()) is { Length: > 0 } names ? names : CrmSystems.NoSource, time.GetUtcNow(), CancellationToken.None);
                _run = new PipelineRun(id, await credits.TotalAsync(CancellationToken.None), _options.DryRun, Usage());
                _progressStop = new CancellationTokenSource();
                _progress = ReportProgressAsync(_run, _progressStop.Token);
                PipelineLog.RunStarted(logger, id, _options.DryRun ? " (dry run: nothing is written to a CRM)" : string.Empty);
            }

            Interlocked.Increment(ref _busy);
            return _run;
        }
        finally
        {
            _runGate.Release();
        }
    }

    /// <summary>
    /// Whether the run's last retry comes due within <see cref="RetryWaitOfARun"/>, or came due so recently that a lane
    /// may have looked for claimable records just before it (a poll and a second ago).
    /// </summary>
    private bool AwaitsItsRetries(PipelineRun run) =>
        run.LastRetryDue is { } due && (due - time.GetUtcNow()) is var wait
        && wait > -(TimeSpan.FromMilliseconds(_options.PollMilliseconds) + TimeSpan.FromSeconds(1)) && wait <= RetryWaitOfARun;

    /// <summary>Each CRM's own account of API usage from its last answer (Salesforce <c>Sforce-Limit-Info</c>), where it gave one.</summary>
    private Dictionary<string, string> Usage() =>
        crms.All.Where(static c => c.LastUsage is not null).ToDictionary(static c => c.Name, static c => c.LastUsage!, StringComparer.Ordinal);

    /// <summary>Records the open run once no lane is busy (or at shutdown), and alerts if it failed too much.</summary>
    private async Task FinishRunAsync(bool force)
    {
        await _runGate.WaitAsync();
        try
        {
            if (_run is not { } run || (!force && (Volatile.Read(ref _busy) > 0 || AwaitsItsRetries(run))))
            {
                return;
            }

            // Recorded first: if the store cannot take it, the run stays open and a later call tries again.
            await runs.FinishAsync(run.Id, await TotalsAsync(run), time.GetUtcNow(), CancellationToken.None);
            _run = null;
            await _progressStop!.CancelAsync();
            await _progress;
            _progressStop.Dispose();
            _progressStop = null;
            PipelineLog.RunFinished(logger, run.Id, run.Processed, run.Enriched, run.Unmatched, run.Failed, run.Written, run.Retried);
            await alerts.SendIfDueAsync(run, CancellationToken.None);
        }
        finally
        {
            _runGate.Release();
        }
    }

    /// <summary>Records the open run's counts every <see cref="ProgressInterval"/> until it finishes; a failed report is logged and the next one tries again.</summary>
    private async Task ReportProgressAsync(PipelineRun run, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(ProgressInterval, time, cancellationToken);
                try
                {
                    await runs.ReportProgressAsync(run.Id, await TotalsAsync(run), time.GetUtcNow(), cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    PipelineLog.ProgressNotRecorded(logger, run.Id, exception);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<RunTotals> TotalsAsync(PipelineRun run) =>
        new(run.Processed, run.Enriched, run.Unmatched, 0, run.Failed, await credits.TotalAsync(CancellationToken.None) - run.CreditsAtStart, apiVersions.Snapshot())
        {
            // Only what answers during this run reported: a CRM this run never called still shows an earlier run's figure.
            CrmUsage = Usage().Where(u => run.UsageAtStart.GetValueOrDefault(u.Key) != u.Value).ToDictionary(),
        };
}
