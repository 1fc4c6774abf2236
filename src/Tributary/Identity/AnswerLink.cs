using Tributary.Enrichment;
using Tributary.Profiles;

namespace Tributary.Host.Identity;

/// <summary>One enrichment answer to link: the request's normalised email and phone, and the merged profile.</summary>
/// <param name="Email">The request's email, normalised; null when it had none.</param>
/// <param name="Phone">The request's phone in E.164; null when it had none.</param>
/// <param name="Profile">The answer (immutable, shared with the cache): its email, phone and flat fields are read when linked.</param>
internal sealed record AnswerLink(string? Email, string? Phone, Profile Profile)
{
    /// <summary>
    /// The link a person answer is worth, or null: only a fresh match — some provider answered <c>matched</c> this
    /// time, so a cache hit or a rerun from the ledger does not link again — that has an email or a phone to link by.
    /// Null too for a record that was not enriched (no request or no result).
    /// </summary>
    public static AnswerLink? From(EnrichmentRequest? request, EnrichmentResult? result)
    {
        if (request is null || result is null)
        {
            return null;
        }

        var identifiers = request.Identifiers;
        if (request.Kind != LookupKind.Person || !IsFreshMatch(result)
            || (identifiers.Email is null && identifiers.Phone is null && result.Profile[ProfileFields.Email] is null && result.Profile[ProfileFields.Phone] is null))
        {
            return null;
        }

        return new AnswerLink(identifiers.Email, identifiers.Phone, result.Profile);
    }

    /// <summary>Some provider matched this time, and the merged answer knows something (not <c>source: none</c>).</summary>
    private static bool IsFreshMatch(EnrichmentResult result)
    {
        if (result.Profile.IsEmpty)
        {
            return false;
        }

        foreach (var outcome in result.Outcomes)
        {
            if (outcome.Status == ProviderStatus.Matched)
            {
                return true;
            }
        }

        return false;
    }
}
