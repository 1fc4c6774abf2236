namespace Tributary.Host.Crm;

/// <summary>
/// A CRM the pipeline reads records from and writes enrichment back to (HubSpot, Salesforce). One instance per
/// configured system, registered in DI and indexed by <see cref="Name"/>. The client paces itself under the CRM's
/// rate limits, refreshes its own credentials and waits out short throttles; what it cannot absorb it throws as a
/// <see cref="CrmUnavailableException"/>.
/// </summary>
internal interface ICrmSystem
{
    /// <summary>The staging source name: <c>hubspot</c>, <c>salesforce</c>.</summary>
    string Name { get; }

    /// <summary>
    /// True when credentials are configured. Clients are registered whatever the configuration, because sandbox mode
    /// adds its simulator's settings after registration; one without credentials is left out of the pipeline.
    /// </summary>
    bool IsConfigured { get; }

    /// <summary>Most records one read or write call takes (HubSpot 100, Salesforce 200).</summary>
    int MaxBatchSize { get; }

    /// <summary>Flat field (<c>jobTitle</c>) → CRM field (<c>jobtitle</c>, <c>Title</c>) for records of <paramref name="objectType"/>; fields not written are absent.</summary>
    IReadOnlyDictionary<string, string> FieldMapping(string objectType);

    /// <summary>
    /// Reads records by id (at most <see cref="MaxBatchSize"/>) with their identifiers and the current value of every
    /// mapped field, each marked when a person set it. Ids the CRM does not know are in <see cref="CrmReadResult.Missing"/>.
    /// </summary>
    Task<CrmReadResult> ReadAsync(IReadOnlyList<string> recordIds, CancellationToken cancellationToken);

    /// <summary>Writes field values (at most <see cref="MaxBatchSize"/> records); one outcome per update, in order.</summary>
    Task<IReadOnlyList<CrmWriteOutcome>> WriteAsync(IReadOnlyList<CrmUpdate> updates, CancellationToken cancellationToken);

    /// <summary>The CRM's own account of API usage from the last answer (Salesforce <c>Sforce-Limit-Info</c>), or null.</summary>
    string? LastUsage { get; }
}
