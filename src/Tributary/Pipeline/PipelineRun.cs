namespace Tributary.Host.Pipeline;

/// <summary>
/// One worker run: from the moment staged work is found until the queue is drained. Passes running at once add to
/// its counts; the worker records it in <c>enrichment_runs</c> when it ends.
/// </summary>
internal sealed class PipelineRun(string id, decimal creditsAtStart, bool dryRun, IReadOnlyDictionary<string, string> usageAtStart)
{
    private long _enriched;
    private long _unmatched;
    private long _failed;
    private long _retried;
    private long _written;
    private long _lastRetryDueTicks;

    public string Id { get; } = id;

    public decimal CreditsAtStart { get; } = creditsAtStart;

    /// <summary>Each CRM's last reported usage when the run began, so the run shows only what it saw itself.</summary>
    public IReadOnlyDictionary<string, string> UsageAtStart { get; } = usageAtStart;

    /// <summary>True when nothing is written to a CRM, only journaled.</summary>
    public bool DryRun { get; } = dryRun;

    /// <summary>Records done: enriched, unmatched or dead-lettered.</summary>
    public long Processed => Enriched + Unmatched + Failed;

    public long Enriched => Interlocked.Read(ref _enriched);

    public long Unmatched => Interlocked.Read(ref _unmatched);

    /// <summary>Records that became dead letters.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Attempts that failed and were put back to retry later (not in the failure rate: they may still succeed).</summary>
    public long Retried => Interlocked.Read(ref _retried);

    /// <summary>When the last of the retries this run scheduled comes due; null when it scheduled none.</summary>
    public DateTimeOffset? LastRetryDue => Interlocked.Read(ref _lastRetryDueTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Records whose write-back the CRM confirmed.</summary>
    public long Written => Interlocked.Read(ref _written);

    public double FailureRate => Processed == 0 ? 0 : (double)Failed / Processed;

    public void AddEnriched(int count) => Interlocked.Add(ref _enriched, count);

    public void AddUnmatched(int count) => Interlocked.Add(ref _unmatched, count);

    public void AddFailed(int count) => Interlocked.Add(ref _failed, count);

    public void AddRetried(int count, DateTimeOffset dueAt)
    {
        Interlocked.Add(ref _retried, count);
        var ticks = dueAt.UtcTicks;
        var seen = Interlocked.Read(ref _lastRetryDueTicks);
        while (ticks > seen && Interlocked.CompareExchange(ref _lastRetryDueTicks, ticks, seen) is var actual && actual != seen)
        {
            seen = actual;
        }
    }

    public void AddWritten(int count) => Interlocked.Add(ref _written, count);
}
