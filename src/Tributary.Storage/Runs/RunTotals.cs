namespace Tributary.Storage;

/// <summary>What a run did, recorded when it finishes.</summary>
/// <param name="Rows">Rows or records read, rejected ones included.</param>
/// <param name="Matched">Rows for which at least one field was found.</param>
/// <param name="Unmatched">Rows every asked provider answered without data.</param>
/// <param name="Rejected">Rows that could not be enriched as given (unreadable, no or bad identifier).</param>
/// <param name="Failed">Rows no provider could answer (timeouts, errors, open circuits); a rerun retries them.</param>
/// <param name="CreditsSpent">Credits charged by providers while the run ran.</param>
/// <param name="ApiVersions">
/// Provider name → the API version it answered with (its <c>API-Version</c> response header, else its configured
/// <c>ApiVersion</c>), as of the run's end.
/// </param>
public sealed record RunTotals(
    long Rows,
    long Matched,
    long Unmatched,
    long Rejected,
    long Failed,
    decimal CreditsSpent,
    IReadOnlyDictionary<string, string> ApiVersions)
{
    /// <summary>CRM name → its own account of API usage at the run's end (Salesforce <c>Sforce-Limit-Info</c>, e.g. <c>api-usage=25/15000</c>).</summary>
    public IReadOnlyDictionary<string, string> CrmUsage { get; init; } = new Dictionary<string, string>();

    /// <summary>Failed rows over all rows, 0–1 (the pipeline alerts above 1 %).</summary>
    public double FailureRate => Rows == 0 ? 0 : (double)Failed / Rows;
}
