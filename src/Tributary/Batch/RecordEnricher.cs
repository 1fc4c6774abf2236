using Tributary.Enrichment;
using Tributary.Host.Contracts;
using Tributary.Host.Gateway;
using Tributary.Identifiers;
using Tributary.Orchestration;
using Tributary.Storage;

namespace Tributary.Host.Batch;

/// <summary>
/// Enriches one record of a file or a bulk job as batch work: validated exactly as <c>/v1/enrich</c> validates a
/// body, then asked with no deadline, so rate limits make it wait instead of fail. Every answer goes through the
/// cache and the ledger of paid lookups, which is what makes a rerun free for records already done.
/// </summary>
internal sealed class RecordEnricher(EnrichmentEngine engine, IdentifierNormalizer normalizer)
{
    public async Task<EnrichedRecord> EnrichAsync(EnrichRequestBody body, CancellationToken cancellationToken)
    {
        if (!EnrichRequestValidation.TryBuild(body, LookupKind.Person, normalizer, out var request, out var field, out var detail))
        {
            return EnrichedRecord.Rejected($"{field}: {detail}");
        }

        var result = await engine.EnrichAsync(request with { IsBatch = true }, cancellationToken);
        var flat = ResponseMapping.ToFlat(result, string.Empty);
        var outcome = Classify(result);
        return new EnrichedRecord(outcome, flat, outcome == RecordOutcome.Failed ? flat.Providers : null);
    }

    /// <summary>Matched when any field was found; failed when nothing was found and some provider could not answer.</summary>
    public static RecordOutcome Classify(EnrichmentResult result) =>
        !result.Profile.IsEmpty ? RecordOutcome.Matched
        : result.Outcomes.Any(o => o.Status.IsFailure()) ? RecordOutcome.Failed
        : RecordOutcome.Unmatched;
}
