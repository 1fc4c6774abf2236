using Microsoft.Extensions.Options;
using Tributary.Privacy;
using Tributary.Storage;

namespace Tributary.Host.Privacy;

/// <summary>
/// <c>Privacy:RetentionDays</c>: once at start and then every day, personal data last written more than that many days
/// ago is purged from the store (<see cref="ISubjectErasure.PurgeOlderThanAsync"/>). Off when the setting is absent.
/// Several gateways on one store each run it; the deletes are idempotent.
/// </summary>
internal sealed class RetentionPurge(ISubjectErasure store, IOptions<PrivacyOptions> options, TimeProvider time, ILogger<RetentionPurge> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RetentionDays is not { } days)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var counts = await store.PurgeOlderThanAsync(time.GetUtcNow() - TimeSpan.FromDays(days), stoppingToken);
                PrivacyLog.Purged(logger, days, counts.Ledger, counts.EnrichedContacts + counts.Unmatched, counts.Profiles, counts.JobRecords);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                PrivacyLog.PurgeFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
