using Tributary.Identifiers;

namespace Tributary.Privacy;

/// <summary>
/// The keyed hashes that name a person, one per identifier they can be recognised by (email, phone, LinkedIn, name at a
/// company): the suppression list holds them, so a subject is recognised by any one of them.
/// </summary>
internal sealed class SubjectHashes(IdentifierHasher hasher)
{
    /// <summary>The hash of one normalised email.</summary>
    public string OfEmail(string email) => hasher.Hash("email:" + email);

    /// <summary>The hash of one E.164 phone.</summary>
    public string OfPhone(string phone) => hasher.Hash("phone:" + phone);

    /// <summary>
    /// Person identifiers only: a company domain names many people, suppressing it would suppress them all. A name
    /// counts with its company (domain, else name), the way an email finder looks a person up.
    /// </summary>
    public IEnumerable<string> Of(IdentifierSet identifiers)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        if (identifiers.Email is { } email)
        {
            yield return OfEmail(email);
        }

        if (identifiers.Phone is { } phone)
        {
            yield return OfPhone(phone);
        }

        if (identifiers.LinkedInUrl is { } linkedin)
        {
            yield return hasher.Hash("linkedin:" + linkedin);
        }

        if (identifiers.FullName is { } name)
        {
            if (identifiers.Domain is { } domain)
            {
                yield return hasher.Hash("name@domain:" + name.ToLowerInvariant() + "@" + domain);
            }

            if (identifiers.Company is { } company)
            {
                yield return hasher.Hash("name@company:" + name.ToLowerInvariant() + "@" + company.ToLowerInvariant());
            }
        }
    }
}
