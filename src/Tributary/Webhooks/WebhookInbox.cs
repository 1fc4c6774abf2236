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

    /// <summary>
    /// Remembers every event's key and stages the records of events not seen before (an event may have none: it is
    /// only remembered, so its replay is a duplicate too), the whole delivery in one transaction.
    /// </summary>
    public async Task<WebhookIntake> AcceptAsync(string scope, IReadOnlyList<(string DedupKey, StagedRecord? Record)> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var isNew = await staging.StageOnceAsync(
            scope, Retention, [.. events.Select(static e => new OnceStaged(e.DedupKey, e.Record is { } record ? [record] : []))], cancellationToken);
        var intake = new WebhookIntake(
            isNew.Count(static fresh => fresh),
            events.Where((e, i) => isNew[i] && e.Record is not null).Count());
        if (intake.Staged > 0)
        {
            wakeup.Signal();
        }

        return intake;
    }
}

/// <summary>What a delivery brought: events not seen before, and the records they staged.</summary>
internal readonly record struct WebhookIntake(int Fresh, int Staged);
