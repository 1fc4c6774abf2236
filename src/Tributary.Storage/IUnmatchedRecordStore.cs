namespace Tributary.Storage;

/// <summary>
/// <c>unmatched_records</c>: CRM records enrichment could not match, by keyed identifier hash, so a later run can
/// retry them and analysts can see why.
/// </summary>
public interface IUnmatchedRecordStore
{
    /// <summary>
    /// Records these records as unmatched, in one transaction; a later row for the same record replaces its reason and
    /// time. The same transaction removes their rows from <c>enriched_contacts</c>: a record is enriched or unmatched, never both.
    /// </summary>
    Task AddAsync(IReadOnlyCollection<UnmatchedRecord> records, CancellationToken cancellationToken);

    /// <summary>The unmatched row for a CRM record, or null.</summary>
    Task<UnmatchedRecord?> GetAsync(string recordId, CancellationToken cancellationToken);

    /// <summary>How many rows there are.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);
}

/// <summary>One row of <c>unmatched_records</c>.</summary>
/// <param name="RecordId">The CRM record id.</param>
/// <param name="IdentifierHash">Keyed hash of the identifier that was looked up.</param>
/// <param name="Reason">Why, e.g. <c>no_match</c> or <c>invalid_email</c>.</param>
/// <param name="At">When.</param>
public sealed record UnmatchedRecord(string RecordId, string IdentifierHash, string Reason, DateTimeOffset At);
