using System.Text.Json;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Hunter;

/// <summary>A domain-search answer: the company summary, one page of emails and the paging meta.</summary>
internal static class HunterDomainSearchJson
{
    /// <summary>One page of the search; a null entry in <paramref name="Emails"/> is the company's generic address.</summary>
    public sealed record Page(string? Domain, SampleCompany? Company, IReadOnlyList<SamplePerson?> Emails,
        int Results, int Limit, int Offset, IReadOnlyList<KeyValuePair<string, string?>> Params);

    public static void Write(Utf8JsonWriter writer, Page page)
    {
        var company = page.Company;
        var location = company?.Location;
        writer.WriteStartObject();
        writer.WriteStartObject("data");
        writer.WriteString("domain", company?.Domain ?? page.Domain);
        writer.WriteBoolean("disposable", false);
        writer.WriteBoolean("webmail", false);
        writer.WriteBoolean("accept_all", false);
        writer.WriteString("pattern", company?.EmailPattern);
        writer.WriteString("organization", company?.Name);
        writer.WriteString("description", company?.Description);
        writer.WriteString("industry", company?.Industry.Sector);
        writer.WriteNull("twitter");
        writer.WriteNull("facebook");
        writer.WriteString("linkedin", company is null ? null : "https://www.linkedin.com/company/" + company.LinkedInSlug);
        writer.WriteNull("instagram");
        writer.WriteNull("youtube");
        writer.WriteStringArray("technologies", company?.Tech.Select(static t => t.Replace('_', '-')) ?? []);
        writer.WriteString("country", location?.CountryCode);
        writer.WriteString("state", location?.StateCode);
        writer.WriteString("city", location?.City);
        writer.WriteString("postal_code", location?.PostalCode);
        writer.WriteString("street", company?.StreetAddress);
        writer.WriteString("headcount", company is null ? null : CompanySizes.Band(company.Employees));
        writer.WriteString("company_type", company is null ? null : company.Ticker is null ? "privately held" : "public company");
        writer.WriteStartArray("emails");
        foreach (var person in page.Emails)
        {
            if (person is not null)
            {
                HunterEmailJson.WriteDomainSearchItem(writer, person);
            }
            else if (company is not null)
            {
                HunterEmailJson.WriteGenericItem(writer, company);
            }
        }

        writer.WriteEndArray();
        writer.WriteEmptyArray("linked_domains");
        writer.WriteEndObject();
        writer.WriteStartObject("meta");
        writer.WriteNumber("results", page.Results);
        writer.WriteNumber("limit", page.Limit);
        writer.WriteNumber("offset", page.Offset);
        writer.WriteStartObject("params");
        foreach (var (name, value) in page.Params)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
