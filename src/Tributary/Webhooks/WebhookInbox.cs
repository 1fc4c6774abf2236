using Tributary.Host.Pipeline;
using Tributary.Storage;

namespace Tributary.Host.Webhooks;

/// <summary>
/// Where verified CRM events land: each event's dedup key (kept 7 days) and its record are written in one transaction
/// before the sender gets its answer, so an acknowledged event is never lost and a replayed one changes nothing.
/// </summary>
internal sealed class WebhookInbox(IStagingQueue staging, PipelineWakeup wakeup)
{
    /// <summary>How long a dedup key is remembered.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    /// <summary>Stages the records of events not seen before; returns how many events were new.</summary>
    public async Task<int> AcceptAsync(string scope, IReadOnlyList<(string DedupKey, StagedRecord Record)> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var fresh = 0;
        foreach (var (key, record) in events)
        {
            fresh += await staging.StageOnceAsync(scope, key, Retention, [record], cancellationToken) ? 1 : 0;
        }

        if (fresh > 0)
        {
            wakeup.Signal();
        }

        return fresh;
    }
}
