namespace Tributary.Storage;

/// <summary>One row of <c>enrichment_runs</c>.</summary>
/// <param name="Id">Opaque id given at start.</param>
/// <param name="Kind">File, job or pipeline.</param>
/// <param name="InputName">The file name, job id or pipeline source the run read.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished; null while running, or when the process died before the end.</param>
/// <param name="Totals">Counts so far (all zero until finished).</param>
public sealed record EnrichmentRun(
    string Id,
    RunKind Kind,
    string InputName,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    RunTotals Totals);
