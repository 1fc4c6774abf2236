using Tributary.Host.Pipeline;
using Tributary.Storage;

namespace Tributary.Host.Webhooks;

/// <summary>
/// Where verified CRM events land: each event's dedup key (kept 7 days) and its record, a delivery's events together,
/// are written in one transaction before the sender gets its answer, so an acknowledged event is never lost and a replayed one changes nothing.
/// </summary>
internal sealed class WebhookInbox(IStagingQueue staging, PipelineWakeup wakeup)
{
    /// <summary>How long a dedup key is remembered.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    /// <summary>Stages the records of events not seen before, the whole delivery in one transaction; returns how many were new.</summary>
    public async Task<int> AcceptAsync(string scope, IReadOnlyList<(string DedupKey, StagedRecord Record)> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var fresh = (await staging.StageOnceAsync(scope, Retention, [.. events.Select(static e => new OnceStaged(e.DedupKey, [e.Record]))], cancellationToken))
            .Count(static isNew => isNew);
        if (fresh > 0)
        {
            wakeup.Signal();
        }

        return fresh;
    }
}
