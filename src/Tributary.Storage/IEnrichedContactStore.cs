namespace Tributary.Storage;

/// <summary>The warehouse table of the pipeline: one row per CRM record that enrichment matched.</summary>
public interface IEnrichedContactStore
{
    /// <summary>
    /// Inserts each contact, or replaces the row with the same record id, and removes the record's row from
    /// <c>unmatched_records</c> in the same transaction: a record is enriched or unmatched, never both.
    /// </summary>
    Task UpsertAsync(IReadOnlyCollection<EnrichedContact> contacts, CancellationToken cancellationToken);

    /// <summary>The stored contact for a CRM record, or null.</summary>
    Task<EnrichedContact?> GetAsync(string recordId, CancellationToken cancellationToken);

    /// <summary>How many rows there are.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);
}
