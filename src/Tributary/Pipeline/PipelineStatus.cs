using Tributary.Storage;

namespace Tributary.Host.Pipeline;

/// <summary>The answer of <c>GET /v1/pipeline</c>.</summary>
internal sealed record PipelineStatus(long Staged, long Enriched, long Unmatched, long DeadLetters, IReadOnlyList<PipelineRunView> Runs);

/// <summary>
/// One pipeline run as <c>GET /v1/pipeline</c> shows it. Its <c>state</c> is <c>running</c>, <c>finished</c>, or
/// <c>interrupted</c> when its worker died: its counts are then those of its last progress report.
/// </summary>
internal sealed record PipelineRunView(
    string Id,
    string State,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    long Processed,
    long Enriched,
    long Unmatched,
    long Failed,
    double FailureRate,
    decimal Credits,
    IReadOnlyDictionary<string, string> ApiVersions,
    IReadOnlyDictionary<string, string> CrmUsage)
{
    /// <summary>An open run silent this long (four missed progress reports) belongs to a worker that died.</summary>
    public static readonly TimeSpan SilenceOfAnInterruptedRun = 4 * PipelineWorker.ProgressInterval;

    public static PipelineRunView Of(EnrichmentRun run, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        var totals = run.Totals;
        var state = run.FinishedAt is not null ? "finished"
            : now - (run.SeenAt ?? run.StartedAt) > SilenceOfAnInterruptedRun ? "interrupted"
            : "running";
        return new(run.Id, state, run.StartedAt, run.FinishedAt, totals.Rows, totals.Matched, totals.Unmatched, totals.Failed, totals.FailureRate, totals.CreditsSpent, totals.ApiVersions, totals.CrmUsage);
    }
}
