using Tributary.Storage;

namespace Tributary.Host.ProviderCallbacks;

/// <summary>
/// Works the staged provider callbacks (sources <c>&lt;provider&gt;-callback</c>) in <c>serve</c>: each is kept by
/// <see cref="ProviderCallbackProcessor"/> and then deleted. One whose store write fails is retried with a growing
/// delay, at most <see cref="MaxAttempts"/> times; several gateways on one store share the queue, a claim being held by one.
/// </summary>
internal sealed class ProviderCallbackWorker(
    IStagingQueue queue,
    ProviderCallbackIndex index,
    ProviderCallbackProcessor processor,
    ProviderCallbackWakeup wakeup,
    TimeProvider time,
    ILogger<ProviderCallbackWorker> logger) : BackgroundService
{
    private const int BatchSize = 32;
    private const int MaxAttempts = 5;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    // Deliveries received here wake the worker at once; the poll finds the rest (another gateway's after it stopped,
    // retries come due, leases run out), which can wait a few seconds, so an idle gateway does not claim every second.
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FailurePause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryBase = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (index.Sources.Count == 0)
        {
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claim = await queue.ClaimAsync(BatchSize, Lease, index.Sources, stoppingToken);
                if (claim.Records.Count == 0)
                {
                    await wakeup.WaitAsync(Poll, time, stoppingToken);
                    continue;
                }

                await WorkAsync(claim, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A worker loop never dies on one failure: what it held comes back when the lease ends.
                ProviderCallbackLog.ClaimFailed(logger, exception);
                await Task.Delay(FailurePause, time, CancellationToken.None);
            }
        }
    }

    private async Task WorkAsync(StagingClaim claim, CancellationToken cancellationToken)
    {
        var done = new List<ClaimedRecord>(claim.Records.Count);
        foreach (var record in claim.Records)
        {
            try
            {
                await processor.ProcessAsync(record, cancellationToken);
                done.Add(record);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: what is not done yet is given back at once, not when the lease runs out.
                await queue.DeleteAsync(claim.Token, done, CancellationToken.None);
                await queue.ReleaseAsync(claim.Token, [.. claim.Records.Except(done)], CancellationToken.None);
                throw;
            }
            catch (Exception exception)
            {
                await RetryOrDropAsync(claim.Token, record, exception);
            }
        }

        await queue.DeleteAsync(claim.Token, done, CancellationToken.None);
    }

    private async Task RetryOrDropAsync(Guid token, ClaimedRecord record, Exception exception)
    {
        var provider = index.FromSource(record.SourceSystem)?.Name ?? record.SourceSystem;
        if (record.Attempts >= MaxAttempts)
        {
            ProviderCallbackLog.GaveUp(logger, provider, record.RecordId, record.Attempts, exception);
            await queue.DeleteAsync(token, [record], CancellationToken.None);
            return;
        }

        ProviderCallbackLog.Failed(logger, provider, record.RecordId, record.Attempts, exception);
        var delay = RetryBase * Math.Pow(2, record.Attempts - 1);
        await queue.DeferAsync(token, [record], time.GetUtcNow() + delay, countAttempt: true, CancellationToken.None);
    }
}
