using Tributary.Host.Contracts;
using Tributary.Storage;

namespace Tributary.Host.Batch;

/// <summary>What batch enrichment made of one record: the outcome, the flat answer, and why when it was not enriched.</summary>
internal sealed record EnrichedRecord(RecordOutcome Outcome, FlatEnrichResponse? Flat, string? Reason)
{
    public static EnrichedRecord Rejected(string reason) => new(RecordOutcome.Rejected, null, reason);
}
