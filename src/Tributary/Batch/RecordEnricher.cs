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
    /// <summary>Records enriched together: a whole bulk call at every provider (PDL takes 100, ZoomInfo 25, Apollo 10).</summary>
    public const int BatchSize = 100;

    public async Task<EnrichedRecord> EnrichAsync(EnrichRequestBody body, CancellationToken cancellationToken)
    {
        if (!EnrichRequestValidation.TryBuild(body, LookupKind.Person, normalizer, out var request, out var field, out var detail))
        {
            return EnrichedRecord.Rejected($"{field}: {detail}");
        }

        return Record(await engine.EnrichAsync(request with { IsBatch = true }, cancellationToken));
    }

    /// <summary>
    /// Enriches several records at once, so providers with a bulk endpoint get them in few calls; answers are in the
    /// order of <paramref name="bodies"/>, and each is what <see cref="EnrichAsync"/> would have given it.
    /// </summary>
    public async Task<EnrichedRecord[]> EnrichManyAsync(IReadOnlyList<EnrichRequestBody> bodies, CancellationToken cancellationToken)
    {
        var records = new EnrichedRecord[bodies.Count];
        var requests = new List<EnrichmentRequest>(bodies.Count);
        var positions = new List<int>(bodies.Count);
        for (var i = 0; i < bodies.Count; i++)
        {
            if (EnrichRequestValidation.TryBuild(bodies[i], LookupKind.Person, normalizer, out var request, out var field, out var detail))
            {
                requests.Add(request with { IsBatch = true });
                positions.Add(i);
            }
            else
            {
                records[i] = EnrichedRecord.Rejected($"{field}: {detail}");
            }
        }

        var results = requests.Count == 0 ? [] : await engine.EnrichManyAsync(requests, cancellationToken);
        for (var n = 0; n < results.Count; n++)
        {
            records[positions[n]] = Record(results[n]);
        }

        return records;
    }

    private static EnrichedRecord Record(EnrichmentResult result)
    {
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
