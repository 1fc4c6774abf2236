using Tributary.Profiles;

namespace Tributary.Connectors.PeopleDataLabs;

/// <summary>
/// PDL records → profile fields. PDL lower-cases every value: names, titles, places and industries are title-cased
/// here so they merge with other providers' values; emails, domains and URLs stay as they are.
/// </summary>
internal static class PeopleDataLabsMapping
{
    /// <summary>When an answer carries no likelihood (it always should).</summary>
    public const double DefaultConfidence = 0.85;

    /// <summary>
    /// Likelihood 1–10 on PDL's logarithmic scale → 0–1. Each step multiplies the odds of a right match by the same
    /// factor: a logistic curve through 2 → 0.5 (PDL's floor for returning a match at all) and 10 → 0.99, so
    /// 6 ≈ 0.91 and 4 ≈ 0.76. See docs/confidence.md.
    /// </summary>
    public static double Confidence(double? likelihood)
    {
        if (likelihood is not { } value)
        {
            return DefaultConfidence;
        }

        var steps = (Math.Clamp(value, 1, 10) - 2) / 8;
        return Math.Round(1 / (1 + Math.Pow(99, -steps)), 3);
    }

    public static void MapPerson(PdlPerson person, ProfileBuilder profile)
    {
        var country = Countries.ToCode(ProviderValues.TitleCase(person.LocationCountry));
        var title = ProviderValues.TitleCase(person.JobTitle);
        profile.Set(ProfileFields.FullName, ProviderValues.TitleCase(person.FullName))
            .Set(ProfileFields.FirstName, ProviderValues.TitleCase(person.FirstName))
            .Set(ProfileFields.LastName, ProviderValues.TitleCase(person.LastName))
            .Set(ProfileFields.Email, person.WorkEmail)
            .Set(ProfileFields.Phone, PhoneFormat.ToE164(person.MobilePhone ?? person.PhoneNumbers?.FirstOrDefault(), country))
            .Set(ProfileFields.JobTitle, title)
            .Set(ProfileFields.Seniority, Seniority.MostSenior(person.JobTitleLevels, title))
            .Set(ProfileFields.Department, Departments.Normalize(person.JobTitleRole))
            .Set(ProfileFields.LinkedInUrl, ProviderValues.LinkedIn(person.LinkedinUrl))
            .Set(ProfileFields.City, ProviderValues.TitleCase(person.LocationLocality))
            .Set(ProfileFields.State, ProviderValues.TitleCase(person.LocationRegion))
            .Set(ProfileFields.Country, country)
            .Set(ProfileFields.CompanyName, ProviderValues.TitleCase(person.JobCompanyName))
            .Set(ProfileFields.CompanyDomain, ProviderValues.Domain(person.JobCompanyWebsite))
            .Set(ProfileFields.Industry, ProviderValues.TitleCase(person.JobCompanyIndustry ?? person.Industry))
            .Set(ProfileFields.CompanyLinkedInUrl, ProviderValues.LinkedIn(person.JobCompanyLinkedinUrl))
            .Set(ProfileFields.CompanyCity, ProviderValues.TitleCase(person.JobCompanyLocationLocality))
            .Set(ProfileFields.CompanyCountry, Countries.ToCode(ProviderValues.TitleCase(person.JobCompanyLocationCountry)))
            .Set(ProfileFields.FoundedYear, person.JobCompanyFounded);

        // job_company_size is a band ("201-500"), not a head count: employeeCount comes from company enrich only.
    }

    public static void MapCompany(PdlCompanyResponse company, ProfileBuilder profile)
    {
        profile.Set(ProfileFields.CompanyName, company.DisplayName ?? ProviderValues.TitleCase(company.Name))
            .Set(ProfileFields.CompanyDomain, ProviderValues.Domain(company.Website))
            .Set(ProfileFields.Industry, ProviderValues.TitleCase(company.Industry))
            .Set(ProfileFields.EmployeeCount, company.EmployeeCount)
            .Set(ProfileFields.RevenueRange, RevenueRanges.Normalize(company.InferredRevenue))
            .Set(ProfileFields.CompanyLinkedInUrl, ProviderValues.LinkedIn(company.LinkedinUrl))
            .Set(ProfileFields.CompanyCity, ProviderValues.TitleCase(company.Location?.Locality))
            .Set(ProfileFields.CompanyCountry, Countries.ToCode(ProviderValues.TitleCase(company.Location?.Country)))
            .Set(ProfileFields.FoundedYear, company.Founded);
    }
}
