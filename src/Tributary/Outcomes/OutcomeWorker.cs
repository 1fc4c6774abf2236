using Microsoft.Extensions.Options;
using Tributary.Host.Segment;
using Tributary.Storage;
namespace Tributary.Host.Outcomes;

/// <summary>
/// Claims pending outcomes (staging source <c>cdp-outcome</c>) and hands them to <see cref="OutcomeSender"/>. Runs in
/// <c>serve</c> when <c>Segment:WriteKey</c> is set; without it, outcomes wait in the store until it is. Several
/// gateways share the queue: a claim is held by one of them at a time.
/// </summary>
internal sealed class OutcomeWorker(
    IStagingQueue queue, OutcomeSender sender, IOptions<SegmentOptions> segment, TimeProvider time, ILogger<OutcomeWorker> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly string[] Sources = [PendingOutcome.Source];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!segment.Value.HasWriteKey)
        {
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claim = await queue.ClaimAsync(BatchSize, Lease, Sources, stoppingToken);
                if (claim.Records.Count == 0)
                {
                    await Task.Delay(Poll, time, stoppingToken);
                    continue;
                }

                try
                {
                    await sender.SendAsync(claim, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    // Stopping: the outcomes not yet sent are given back at once, not when the lease runs out.
                    await queue.ReleaseAsync(claim.Token, claim.Records, CancellationToken.None);
                    return;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                OutcomeLog.PassFailed(logger, exception);
                await Task.Delay(Poll, time, CancellationToken.None);
            }
        }
    }
}
