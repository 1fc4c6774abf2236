using Tributary.Storage;

namespace Tributary.Host.Webhooks;

/// <summary>Deletes webhook dedup keys past their 7 days, hourly, so the table holds a week of events and no more.</summary>
internal sealed class DedupKeyPurge(IIdempotencyKeys keys, TimeProvider time, ILogger<DedupKeyPurge> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                WebhookLog.KeysPurged(logger, await keys.PurgeExpiredAsync(stoppingToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The store is away for now; the next hour tries again.
                WebhookLog.PurgeFailed(logger, exception);
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
