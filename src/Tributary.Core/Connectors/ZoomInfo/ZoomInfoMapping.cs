using System.Text.Json;
using Tributary.Connectors.LenientJson;
using Tributary.Profiles;

namespace Tributary.Connectors.ZoomInfo;

/// <summary>ZoomInfo records → profile fields. ZoomInfo mixes numbers, numeric strings and string booleans: read leniently.</summary>
internal static class ZoomInfoMapping
{
    /// <summary>Confidence when a contact carries no accuracy score, and for company matches.</summary>
    public const double DefaultConfidence = 0.85;

    /// <summary><c>contactAccuracyScore</c> (documented 75–99, seen as "50.0") as 0–1.</summary>
    public static double Confidence(ZoomInfoContact contact) =>
        Number(contact.ContactAccuracyScore) is { } score and > 0 ? Math.Clamp(score / 100.0, 0, 1) : DefaultConfidence;

    public static void MapContact(ZoomInfoContact contact, ProfileBuilder profile)
    {
        profile.Set(ProfileFields.FullName, ProviderValues.FullName(contact.FirstName, contact.LastName))
            .Set(ProfileFields.FirstName, contact.FirstName)
            .Set(ProfileFields.LastName, contact.LastName)
            .Set(ProfileFields.Email, contact.Email)
            .Set(ProfileFields.Phone, PhoneFormat.ToE164(contact.Phone ?? contact.MobilePhone, Countries.ToCode(contact.Country)))
            .Set(ProfileFields.JobTitle, contact.JobTitle)
            .Set(ProfileFields.Seniority, Seniority.MostSenior(Texts(contact.ManagementLevel), contact.JobTitle))
            .Set(ProfileFields.Department, Departments.Normalize(contact.JobFunction?.FirstOrDefault()?.Department))
            .Set(ProfileFields.LinkedInUrl, LinkedIn(contact.ExternalUrls))
            .Set(ProfileFields.City, contact.City)
            .Set(ProfileFields.State, contact.State)
            .Set(ProfileFields.Country, Countries.ToCode(contact.Country));
        if (contact.Company is { } company)
        {
            MapCompany(company, profile);
        }
    }

    public static void MapCompany(ZoomInfoCompany company, ProfileBuilder profile)
    {
        profile.Set(ProfileFields.CompanyName, company.Name)
            .Set(ProfileFields.CompanyDomain, Domain(company))
            .Set(ProfileFields.Industry, company.PrimaryIndustry?.FirstOrDefault() ?? FirstText(company.Industries))
            .Set(ProfileFields.EmployeeCount, Number(company.EmployeeCount))
            .Set(ProfileFields.RevenueRange, RevenueRanges.Normalize(company.RevenueRange))
            .Set(ProfileFields.CompanyPhone, PhoneFormat.ToE164(company.Phone, Countries.ToCode(company.Country)))
            .Set(ProfileFields.CompanyCity, company.City)
            .Set(ProfileFields.CompanyCountry, Countries.ToCode(company.Country))
            .Set(ProfileFields.CompanyLinkedInUrl, LinkedIn(company.SocialMediaUrls))
            .Set(ProfileFields.FoundedYear, Number(company.FoundedYear));
    }

    private static string? Domain(ZoomInfoCompany company)
    {
        var website = company.DomainList?.FirstOrDefault() ?? company.Website;
        if (string.IsNullOrWhiteSpace(website))
        {
            return null;
        }

        var host = website.Contains("://", StringComparison.Ordinal) ? new Uri(website).Host : website.Split('/')[0];
        host = host.Trim().ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    private static string? LinkedIn(IReadOnlyList<ZoomInfoUrl>? urls)
    {
        var url = urls?.FirstOrDefault(u =>
            (u.Type?.Contains("linked", StringComparison.OrdinalIgnoreCase) ?? false)
            || (u.Url?.Contains("linkedin.com", StringComparison.OrdinalIgnoreCase) ?? false))?.Url;
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var path = url.Split("linkedin.com", 2, StringSplitOptions.None) is [_, var rest] ? rest : null;
        return path is null ? null : "https://linkedin.com" + path.TrimEnd('/').ToLowerInvariant();
    }

    private static long? Number(JsonElement? element) => element is { } value ? LenientNumber.Whole(value) : null;

    /// <summary>The texts of a list, or of a single text (documented as a list; read either way).</summary>
    private static IEnumerable<string?> Texts(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()),
        { ValueKind: JsonValueKind.String } e => [e.GetString()],
        _ => [],
    };

    private static string? FirstText(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Array } e when e.GetArrayLength() > 0 && e[0].ValueKind == JsonValueKind.String => e[0].GetString(),
        { ValueKind: JsonValueKind.String } e => e.GetString(),
        _ => null,
    };
}
