using Tributary.Profiles;

namespace Tributary.Connectors.Clearbit;

/// <summary>Clearbit records → profile fields. Clearbit has no numeric score: <c>fuzzy</c> lowers confidence.</summary>
internal static class ClearbitMapping
{
    public const double ExactConfidence = 0.95;
    public const double FuzzyConfidence = 0.7;

    public static double Confidence(bool? fuzzy) => fuzzy == true ? FuzzyConfidence : ExactConfidence;

    public static void MapPerson(ClearbitPerson person, ProfileBuilder profile)
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
            .Set(ProfileFields.LinkedInUrl, LinkedIn(person.Linkedin?.Handle))
            .Set(ProfileFields.City, person.Geo?.City)
            .Set(ProfileFields.State, person.Geo?.State)
            .Set(ProfileFields.Country, Countries.ToCode(person.Geo?.CountryCode ?? person.Geo?.Country));

        // Employment names the company even when Clearbit has no company record for it.
        if (person.EmailProvider != true)
        {
            profile.Set(ProfileFields.CompanyName, person.Employment?.Name)
                .Set(ProfileFields.CompanyDomain, person.Employment?.Domain);
        }
    }

    public static void MapCompany(ClearbitCompany company, ProfileBuilder profile)
    {
        profile.Set(ProfileFields.CompanyName, company.Name)
            .Set(ProfileFields.CompanyDomain, company.Domain)
            .Set(ProfileFields.Industry, company.Category?.Industry ?? company.Category?.IndustryGroup ?? company.Category?.Sector)
            .Set(ProfileFields.EmployeeCount, company.Metrics?.Employees)
            .Set(ProfileFields.RevenueRange, RevenueRanges.Normalize(company.Metrics?.EstimatedAnnualRevenue))
            .Set(ProfileFields.TechStack, company.Tech)
            .Set(ProfileFields.CompanyLinkedInUrl, LinkedIn(company.Linkedin?.Handle))
            .Set(ProfileFields.CompanyPhone, PhoneFormat.ToE164(company.Phone, company.Geo?.CountryCode))
            .Set(ProfileFields.CompanyCity, company.Geo?.City)
            .Set(ProfileFields.CompanyCountry, Countries.ToCode(company.Geo?.CountryCode ?? company.Geo?.Country))
            .Set(ProfileFields.FoundedYear, company.FoundedYear);
    }

    /// <summary>Clearbit gives handles (<c>in/janedoe</c>, <c>company/acme</c>); profiles carry canonical URLs.</summary>
    private static string? LinkedIn(string? handle) =>
        string.IsNullOrWhiteSpace(handle) ? null : "https://linkedin.com/" + handle.Trim().Trim('/').ToLowerInvariant();
}
