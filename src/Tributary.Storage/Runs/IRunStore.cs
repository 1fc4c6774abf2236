namespace Tributary.Storage;

/// <summary>
/// The log of enrichment runs (<c>enrichment_runs</c>): one row per file, bulk job or pipeline pass, opened when it
/// starts and completed with its totals when it ends. A row never finished tells an operator a run died.
/// </summary>
public interface IRunStore
{
    /// <summary>Opens a run and returns its id.</summary>
    Task<string> StartAsync(RunKind kind, string inputName, DateTimeOffset startedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Records a running run's counts so far and that it was alive at <paramref name="seenAt"/>; a finished run is
    /// left as it is. A run whose reports stop without a finish belongs to a process that died.
    /// </summary>
    Task ReportProgressAsync(string id, RunTotals totals, DateTimeOffset seenAt, CancellationToken cancellationToken);

    /// <summary>Records the totals of a run and when it finished.</summary>
    Task FinishAsync(string id, RunTotals totals, DateTimeOffset finishedAt, CancellationToken cancellationToken);

    /// <summary>One run, or null when the id is unknown.</summary>
    Task<EnrichmentRun?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The most recent runs first.</summary>
    Task<IReadOnlyList<EnrichmentRun>> ListRecentAsync(int limit, CancellationToken cancellationToken);
}
