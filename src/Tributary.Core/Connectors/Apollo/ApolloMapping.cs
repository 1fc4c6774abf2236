using Tributary.Profiles;

namespace Tributary.Connectors.Apollo;

/// <summary>
/// Apollo records → profile fields. Apollo has no match score: confidence comes from <c>email_status</c>, how far
/// Apollo has verified the person it matched (see docs/confidence.md).
/// </summary>
internal static class ApolloMapping
{
    public const double VerifiedConfidence = 0.95;

    /// <summary><c>unavailable</c>, <c>bounced</c>, unknown statuses: Apollo knows the person but has not confirmed them.</summary>
    public const double UnconfirmedConfidence = 0.55;

    /// <summary>Organizations are looked up by their exact domain.</summary>
    public const double OrganizationConfidence = 0.9;

    /// <summary>What Apollo writes instead of an address it has not unlocked for this team.</summary>
    private const string LockedEmailPrefix = "email_not_unlocked@";

    // Clearbit's revenue bands, so an Apollo estimate merges with the ranges other providers send.
    private static readonly (long Upper, string Band)[] RevenueBands =
    [
        (1_000_000, "$0-$1M"), (10_000_000, "$1M-$10M"), (50_000_000, "$10M-$50M"), (100_000_000, "$50M-$100M"),
        (250_000_000, "$100M-$250M"), (500_000_000, "$250M-$500M"), (1_000_000_000, "$500M-$1B"), (10_000_000_000, "$1B-$10B"),
    ];

    /// <summary>
    /// <c>verified</c> 0.95; <c>extrapolated</c> and other guessed statuses 0.6–0.85 by
    /// <c>extrapolated_email_confidence</c> (0.75 without it); anything else 0.55. A "verified" placeholder address
    /// verifies nothing we can see, so it counts as extrapolated.
    /// </summary>
    public static double Confidence(ApolloPerson person)
    {
        var status = person.EmailStatus?.Trim().ToLowerInvariant().Replace(' ', '_');
        if (status == "verified" && IsLocked(person.Email))
        {
            status = "extrapolated";
        }

        return status switch
        {
            "verified" => VerifiedConfidence,
            "extrapolated" or "guessed" or "likely_to_engage" or "unverified" =>
                Math.Round(0.6 + (0.25 * Math.Clamp(person.ExtrapolatedEmailConfidence ?? 0.6, 0, 1)), 3),
            _ => UnconfirmedConfidence,
        };
    }

    public static void MapPerson(ApolloPerson person, ProfileBuilder profile)
    {
        var name = person.Name ?? ProviderValues.FullName(person.FirstName, person.LastName);
        var country = Countries.ToCode(person.Country);
        profile.Set(ProfileFields.FullName, name)
            .Set(ProfileFields.FirstName, person.FirstName)
            .Set(ProfileFields.LastName, person.LastName)
            .Set(ProfileFields.Email, IsLocked(person.Email) ? null : person.Email)
            .Set(ProfileFields.JobTitle, person.Title)
            .Set(ProfileFields.Seniority, Seniority.Normalize(person.Seniority, person.Title))
            .Set(ProfileFields.Department, Departments.Normalize(person.Departments?.FirstOrDefault()))
            .Set(ProfileFields.LinkedInUrl, ProviderValues.LinkedIn(person.LinkedinUrl))
            .Set(ProfileFields.City, person.City)
            .Set(ProfileFields.State, person.State)
            .Set(ProfileFields.Country, country);
        if (person.Organization is { } organization)
        {
            MapOrganization(organization, profile);
        }
    }

    public static void MapOrganization(ApolloOrganization organization, ProfileBuilder profile)
    {
        var country = Countries.ToCode(organization.Country);

        // current_technologies carries stable keys ("aws", "hubspot") that match other providers' tech lists;
        // technology_names only display names ("Amazon AWS").
        var tech = organization.CurrentTechnologies is { Count: > 0 } current
            ? current.Select(t => t.Uid ?? t.Name)
            : organization.TechnologyNames;
        profile.Set(ProfileFields.CompanyName, organization.Name)
            .Set(ProfileFields.CompanyDomain, ProviderValues.Domain(organization.PrimaryDomain ?? organization.WebsiteUrl))
            .Set(ProfileFields.Industry, ProviderValues.TitleCase(organization.Industry))
            .Set(ProfileFields.EmployeeCount, organization.EstimatedNumEmployees)
            .Set(ProfileFields.RevenueRange, RevenueBand(organization.AnnualRevenue))
            .Set(ProfileFields.TechStack, tech)
            .Set(ProfileFields.IntentKeywords, organization.Keywords)
            .Set(ProfileFields.CompanyLinkedInUrl, ProviderValues.LinkedIn(organization.LinkedinUrl))
            .Set(ProfileFields.CompanyPhone, PhoneFormat.ToE164(organization.PrimaryPhone?.SanitizedNumber ?? organization.Phone, country))
            .Set(ProfileFields.CompanyCity, organization.City)
            .Set(ProfileFields.CompanyCountry, country)
            .Set(ProfileFields.FoundedYear, organization.FoundedYear);
    }

    public static bool IsLocked(string? email) =>
        email?.TrimStart().StartsWith(LockedEmailPrefix, StringComparison.OrdinalIgnoreCase) ?? false;

    private static string? RevenueBand(double? revenue)
    {
        if (revenue is not > 0)
        {
            return null;
        }

        foreach (var (upper, band) in RevenueBands)
        {
            if (revenue < upper)
            {
                return band;
            }
        }

        return "$10B+";
    }
}
