using Tributary.Identifiers;

namespace Tributary.Connectors.Apollo;

/// <summary>
/// Whether a person Apollo returned is the one a row asked about, judged on the strongest identifier both sides carry:
/// the email when the answer has a real one (not Apollo's locked placeholder), else the LinkedIn URL, else the name
/// with the company's domain or name. A weaker identifier is never weighed against a stronger one that disagrees.
/// </summary>
internal static class ApolloIdentity
{
    public static IdentityCheck Check(IdentifierSet asked, ApolloPerson person)
    {
        if (asked.Email is { } email && RealEmail(person) is { } answered)
        {
            return Verdict(string.Equals(email, answered, StringComparison.OrdinalIgnoreCase));
        }

        if (asked.LinkedInUrl is { } linkedIn && ProviderValues.LinkedIn(person.LinkedinUrl) is { } answeredLinkedIn)
        {
            return Verdict(string.Equals(linkedIn, answeredLinkedIn, StringComparison.OrdinalIgnoreCase));
        }

        if (Name(asked.FullName ?? Join(asked.FirstName, asked.LastName)) is not { } name
            || Name(person.Name ?? Join(person.FirstName, person.LastName)) is not { } answeredName)
        {
            return IdentityCheck.Unknown;
        }

        if (name != answeredName)
        {
            return IdentityCheck.Contradicted;
        }

        // The same name is someone only at the same company. Company names are written in many ways ("Acme" and
        // "Acme Inc"), so a different one proves nothing; a different domain does.
        var organization = person.Organization;
        if (asked.Domain is { } domain && ProviderValues.Domain(organization?.PrimaryDomain ?? organization?.WebsiteUrl) is { } answeredDomain)
        {
            return Verdict(string.Equals(domain, answeredDomain, StringComparison.OrdinalIgnoreCase));
        }

        return asked.Company is { } company && Name(organization?.Name) is { } answeredCompany && Name(company) == answeredCompany
            ? IdentityCheck.Confirmed
            : IdentityCheck.Unknown;
    }

    private static IdentityCheck Verdict(bool same) => same ? IdentityCheck.Confirmed : IdentityCheck.Contradicted;

    private static string? RealEmail(ApolloPerson person) =>
        string.IsNullOrWhiteSpace(person.Email) || ApolloMapping.IsLocked(person.Email) ? null : person.Email.Trim();

    private static string? Join(string? first, string? last) =>
        first is null && last is null ? null : $"{first} {last}";

    /// <summary>Lower-cased, with runs of white space as one space; null when blank.</summary>
    private static string? Name(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
