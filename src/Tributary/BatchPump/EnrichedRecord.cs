using Tributary.Enrichment;
using Tributary.Host.Flat;
using Tributary.Identifiers;
using Tributary.Profiles;
using Tributary.Storage;

namespace Tributary.Host.BatchPump;

/// <summary>What the pump made of one record.</summary>
/// <typeparam name="T">The source's record type, handed back as it came.</typeparam>
/// <param name="Record">The record as the source gave it.</param>
/// <param name="Outcome">Matched, unmatched, rejected or failed.</param>
/// <param name="Request">What was asked of the engine; null when the record was not enriched.</param>
/// <param name="Result">The engine's answer with provenance; null when the record was not enriched.</param>
/// <param name="Flat">The flat projection of <paramref name="Result"/>; null when the record was not enriched.</param>
/// <param name="Reason">Why a record was rejected or failed.</param>
internal readonly record struct EnrichedRecord<T>(T Record, RecordOutcome Outcome, EnrichmentRequest? Request, EnrichmentResult? Result, FlatAnswer? Flat, string? Reason)
{
    /// <summary>Whom what is written about this record names: the identifiers it was looked up by, and the email and phone its answer gave.</summary>
    public IEnumerable<IdentifierSet> Subjects()
    {
        if (Request is { } request)
        {
            yield return request.Identifiers;
        }

        if (Result?.Profile is { } profile)
        {
            yield return new IdentifierSet { Email = Given(profile.Text(ProfileFields.Email)), Phone = Given(profile.Text(ProfileFields.Phone)) };
        }

        static string? Given(string value) => value.Length > 0 ? value : null;
    }
}
