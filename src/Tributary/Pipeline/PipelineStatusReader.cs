using Tributary.Storage;

namespace Tributary.Host.Pipeline;

/// <summary>The pipeline's queue, tables, dead letters and latest runs, as <c>GET /v1/pipeline</c> and the dashboard show them.</summary>
internal sealed class PipelineStatusReader(
    IStagingQueue staging, CrmSystems crms, IEnrichedContactStore enriched, IUnmatchedRecordStore unmatched, IDeadLetterStore deadLetters, IRunStore runs, TimeProvider time)
{
    private const int RunsShown = 20;

    public async Task<PipelineStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var recent = await runs.ListRecentAsync(RunsShown * 5, cancellationToken);
        return new PipelineStatus(
            await staging.CountAsync(crms.PipelineSources, cancellationToken),
            await enriched.CountAsync(cancellationToken),
            await unmatched.CountAsync(cancellationToken),
            await deadLetters.CountAsync(cancellationToken),
            [.. recent.Where(r => r.Kind == RunKind.Pipeline).Take(RunsShown).Select(r => PipelineRunView.Of(r, time.GetUtcNow()))]);
    }
}
