namespace Tributary.Storage;

/// <summary>One row of <c>enrichment_runs</c>.</summary>
/// <param name="Id">Opaque id given at start.</param>
/// <param name="Kind">File, job or pipeline.</param>
/// <param name="InputName">The file name, job id or pipeline source the run read.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished; null while running, or when the process died before the end.</param>
/// <param name="Totals">The run's counts: final once finished, else as of its last progress report (zero if it made none).</param>
public sealed record EnrichmentRun(
    string Id,
    RunKind Kind,
    string InputName,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    RunTotals Totals)
{
    /// <summary>When the run last reported progress; null when it never did (file runs and jobs do not).</summary>
    public DateTimeOffset? SeenAt { get; init; }
}
