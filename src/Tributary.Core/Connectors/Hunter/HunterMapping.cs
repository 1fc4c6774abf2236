using Tributary.Profiles;

namespace Tributary.Connectors.Hunter;

/// <summary>
/// Hunter records → profile fields. The enrichment endpoints look up an exact email or domain and score nothing;
/// the email finder guesses an address and rates it with <c>score</c> and <c>verification.status</c>.
/// </summary>
internal static class HunterMapping
{
    /// <summary>combined/find and companies/find: looked up by an exact email or domain.</summary>
    public const double ExactConfidence = 0.9;

    /// <summary>An enrichment record Hunter itself marks <c>fuzzy</c>.</summary>
    public const double FuzzyConfidence = 0.7;

    /// <summary>
    /// Email finder: <c>score</c>/100 (Hunter's own estimate that the address is right, capped at 0.99), discounted by
    /// what the SMTP check found: <c>valid</c> keeps it, <c>accept_all</c> (a catch-all server proves nothing) ×0.85,
    /// <c>webmail</c>/<c>unknown</c>/none ×0.9, <c>disposable</c> ×0.5, <c>invalid</c> ×0.3.
    /// </summary>
    public static double Confidence(HunterFinder finder)
    {
        var score = finder.Score is { } s ? Math.Clamp(s / 100, 0, 0.99) : 0.5;
        var factor = Verification(finder) switch
        {
            "valid" => 1.0,
            "accept_all" => 0.85,
            "disposable" => 0.5,
            "invalid" => 0.3,
            _ => 0.9,
        };
        return Math.Round(score * factor, 3);
    }

    public static void MapFinder(HunterFinder finder, ProfileBuilder profile)
    {
        var name = ProviderValues.FullName(finder.FirstName, finder.LastName);

        // An address the SMTP check says bounces is not worth handing on, whatever the person match.
        var email = Verification(finder) == "invalid" ? null : finder.Email;
        profile.Set(ProfileFields.FullName, name)
            .Set(ProfileFields.FirstName, finder.FirstName)
            .Set(ProfileFields.LastName, finder.LastName)
            .Set(ProfileFields.Email, email)
            .Set(ProfileFields.Phone, PhoneFormat.ToE164(finder.PhoneNumber))
            .Set(ProfileFields.JobTitle, finder.Position)
            .Set(ProfileFields.Seniority, Seniority.Normalize(null, finder.Position))
            .Set(ProfileFields.LinkedInUrl, ProviderValues.LinkedIn(finder.LinkedinUrl))
            .Set(ProfileFields.CompanyName, finder.Company)
            .Set(ProfileFields.CompanyDomain, ProviderValues.Domain(finder.Domain));
    }

    public static void MapPerson(HunterPerson person, ProfileBuilder profile)
    {
        var title = person.Employment?.Title;
        profile.Set(ProfileFields.FullName, person.Name?.FullName)
            .Set(ProfileFields.FirstName, person.Name?.GivenName)
            .Set(ProfileFields.LastName, person.Name?.FamilyName)
            .Set(ProfileFields.Email, person.Email)
            .Set(ProfileFields.Phone, PhoneFormat.ToE164(person.Phone, person.Geo?.CountryCode))
            .Set(ProfileFields.JobTitle, title)
            .Set(ProfileFields.Seniority, Seniority.Normalize(person.Employment?.Seniority, title))
            .Set(ProfileFields.Department, Departments.Normalize(person.Employment?.Role))
            .Set(ProfileFields.LinkedInUrl, ProviderValues.LinkedIn(person.Linkedin?.Handle))
            .Set(ProfileFields.City, person.Geo?.City)
            .Set(ProfileFields.State, person.Geo?.State)
            .Set(ProfileFields.Country, Countries.ToCode(person.Geo?.CountryCode ?? person.Geo?.Country));

        // A free-mail address says nothing about an employer.
        if (person.EmailProvider != true)
        {
            profile.Set(ProfileFields.CompanyName, person.Employment?.Name)
                .Set(ProfileFields.CompanyDomain, person.Employment?.Domain);
        }
    }

    public static void MapCompany(HunterCompany company, ProfileBuilder profile)
    {
        var country = Countries.ToCode(company.Geo?.CountryCode ?? company.Geo?.Country);
        profile.Set(ProfileFields.CompanyName, company.Name)
            .Set(ProfileFields.CompanyDomain, company.Domain)
            .Set(ProfileFields.Industry, company.Category?.Industry ?? company.Category?.IndustryGroup ?? company.Category?.Sector)
            .Set(ProfileFields.EmployeeCount, company.Metrics?.Employees)
            .Set(ProfileFields.RevenueRange, RevenueRanges.Normalize(company.Metrics?.EstimatedAnnualRevenue))
            .Set(ProfileFields.TechStack, company.Tech)
            .Set(ProfileFields.CompanyLinkedInUrl, ProviderValues.LinkedIn(company.Linkedin?.Handle))
            .Set(ProfileFields.CompanyPhone, PhoneFormat.ToE164(company.Phone, country))
            .Set(ProfileFields.CompanyCity, company.Geo?.City)
            .Set(ProfileFields.CompanyCountry, country)
            .Set(ProfileFields.FoundedYear, company.FoundedYear);
    }

    private static string? Verification(HunterFinder finder) =>
        finder.Verification?.Status?.Trim().ToLowerInvariant() ?? (finder.AcceptAll == true ? "accept_all" : null);
}
