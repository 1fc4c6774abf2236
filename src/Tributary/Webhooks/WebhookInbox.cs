using Tributary.Host.Pipeline;
using Tributary.Storage;

namespace Tributary.Host.Webhooks;

/// <summary>
/// Where verified CRM events land: each event's dedup key is recorded (kept 7 days) and its record staged before the
/// sender gets its answer, so an acknowledged event is never lost and a replayed one changes nothing. If staging fails
/// the keys are forgotten again, so the sender's retry is processed rather than taken for a duplicate.
/// </summary>
internal sealed class WebhookInbox(IIdempotencyKeys keys, IStagingQueue staging, PipelineWakeup wakeup)
{
    /// <summary>How long a dedup key is remembered.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    /// <summary>Stages the records of events not seen before; returns how many events were new.</summary>
    public async Task<int> AcceptAsync(string scope, IReadOnlyList<(string DedupKey, StagedRecord Record)> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var fresh = new List<(string Key, StagedRecord Record)>();
        try
        {
            foreach (var (key, record) in events)
            {
                if (await keys.TryRecordAsync(scope, key, Retention, cancellationToken))
                {
                    fresh.Add((key, record));
                }
            }

            if (fresh.Count > 0)
            {
                await staging.StageAsync([.. fresh.Select(f => f.Record)], cancellationToken);
                wakeup.Signal();
            }

            return fresh.Count;
        }
        catch
        {
            foreach (var (key, _) in fresh)
            {
                await keys.ForgetAsync(scope, key, CancellationToken.None);
            }

            throw;
        }
    }
}
