using Tributary.Storage;

namespace Tributary.Host.Pipeline;

/// <summary>The answer of <c>GET /v1/pipeline</c>.</summary>
internal sealed record PipelineStatus(long Staged, long Enriched, long Unmatched, long DeadLetters, IReadOnlyList<PipelineRunView> Runs);

/// <summary>One pipeline run as <c>GET /v1/pipeline</c> shows it.</summary>
internal sealed record PipelineRunView(
    string Id,
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
    public static PipelineRunView Of(EnrichmentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var totals = run.Totals;
        return new(run.Id, run.StartedAt, run.FinishedAt, totals.Rows, totals.Matched, totals.Unmatched, totals.Failed, totals.FailureRate, totals.CreditsSpent, totals.ApiVersions, totals.CrmUsage);
    }
}
