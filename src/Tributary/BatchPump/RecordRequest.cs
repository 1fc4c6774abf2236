using Tributary.Host.Flat;
using Tributary.Storage;

namespace Tributary.Host.BatchPump;

/// <summary>What one record of a batch asks: the identifiers to enrich, or why it cannot be enriched at all.</summary>
/// <param name="Body">The record's identifiers, as a <c>/v1/enrich</c> body; null when it is not enriched.</param>
/// <param name="Outcome">For a record that is not enriched: rejected (bad input) or failed (our side).</param>
/// <param name="Reason">Why it is not enriched.</param>
internal readonly record struct RecordRequest(EnrichRequestBody? Body, RecordOutcome Outcome, string? Reason)
{
    public static RecordRequest Enrich(EnrichRequestBody body) => new(body, RecordOutcome.Matched, null);

    public static RecordRequest Rejected(string reason) => new(null, RecordOutcome.Rejected, reason);

    public static RecordRequest Failed(string reason) => new(null, RecordOutcome.Failed, reason);
}
