using System.Text.Json;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Clearbit;

/// <summary>
/// A Clearbit v2 company (see clearbit-company-find.json). Hunter's enrichment endpoints answer in
/// the same shape with their own coverage and logo host.
/// </summary>
internal static class ClearbitCompanyJson
{
    public static void Write(Utf8JsonWriter writer, SampleCompany company, ProviderCoverage coverage, string logoBaseUrl = "https://logo.clearbit.com/")
    {
        var industry = company.Industry;
        var location = company.Location;
        var hasPhone = coverage.Fills(company, "phone", 700);
        var hasRevenue = coverage.Fills(company, "revenue", 800);
        var hasTech = coverage.Fills(company, "tech", 850);

        writer.WriteStartObject();
        writer.WriteString("id", company.ClearbitId);
        writer.WriteString("name", company.Name);
        writer.WriteString("legalName", company.Name.EndsWith(" Inc", StringComparison.Ordinal) ? company.Name + "." : company.Name + ", Inc.");
        writer.WriteString("domain", company.Domain);
        writer.WriteEmptyArray("domainAliases");
        writer.WriteStartObject("site");
        writer.WriteStartArray("phoneNumbers");
        if (hasPhone)
        {
            writer.WriteStringValue(PhoneFormats.International(company.Phone));
        }

        writer.WriteEndArray();
        writer.WriteStartArray("emailAddresses");
        writer.WriteStringValue("info@" + company.Domain);
        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartObject("category");
        writer.WriteString("sector", industry.Sector);
        writer.WriteString("industryGroup", industry.IndustryGroup);
        writer.WriteString("industry", industry.GicsIndustry);
        writer.WriteString("subIndustry", industry.GicsIndustry);
        writer.WriteNull("gicsCode");
        writer.WriteString("sicCode", industry.SicCode);
        writer.WriteStringArray("sic4Codes", [industry.Sic4Code]);
        writer.WriteString("naicsCode", industry.NaicsCode);
        writer.WriteStringArray("naics6Codes", [industry.Naics6Code]);
        writer.WriteStringArray("naics6Codes2022", [industry.Naics6Code]);
        writer.WriteEndObject();
        writer.WriteStringArray("tags", industry.Tags);
        writer.WriteString("description", company.Description);
        writer.WriteNumberOrNull("foundedYear", coverage.Fills(company, "founded", 850) ? company.FoundedYear : null);
        writer.WriteString("location", $"{company.StreetAddress}, {location.City}, {location.StateCode} {location.PostalCode}, {location.CountryCode}");
        writer.WriteString("timeZone", location.TimeZone);
        writer.WriteNumber("utcOffset", location.UtcOffset);

        writer.WriteStartObject("geo");
        writer.WriteString("streetNumber", company.StreetNumber);
        writer.WriteString("streetName", company.StreetName);
        writer.WriteNull("subPremise");
        writer.WriteString("streetAddress", company.StreetAddress);
        writer.WriteString("postalCode", location.PostalCode);
        ClearbitGeoJson.WriteCityFields(writer, location);
        writer.WriteEndObject();

        writer.WriteString("logo", logoBaseUrl + company.Domain);
        ClearbitPersonJson.WriteEmptyHandle(writer, "facebook");
        writer.WriteStartObject("linkedin");
        writer.WriteString("handle", coverage.Fills(company, "linkedin", 900) ? "company/" + company.LinkedInSlug : null);
        writer.WriteEndObject();
        ClearbitPersonJson.WriteEmptyHandle(writer, "twitter");
        ClearbitPersonJson.WriteEmptyHandle(writer, "crunchbase");
        writer.WriteBoolean("emailProvider", false);
        writer.WriteString("type", company.Ticker is null ? "private" : "public");
        writer.WriteString("ticker", company.Ticker);
        writer.WriteStartObject("identifiers");
        writer.WriteNull("usEIN");
        writer.WriteEndObject();
        writer.WriteString("phone", hasPhone ? PhoneFormats.International(company.Phone) : null);

        writer.WriteStartObject("metrics");
        writer.WriteNull("alexaUsRank");
        writer.WriteNull("alexaGlobalRank");
        writer.WriteString("trafficRank", company.Employees > 1000 ? "high" : company.Employees > 100 ? "medium" : "low");
        var hasEmployees = coverage.Fills(company, "employees", 950);
        writer.WriteNumberOrNull("employees", hasEmployees ? company.Employees : null);
        writer.WriteString("employeesRange", hasEmployees ? ClearbitVocabulary.EmployeesRange(company.Employees) : null);
        writer.WriteNull("marketCap");
        writer.WriteNull("raised");
        writer.WriteNull("annualRevenue");
        writer.WriteString("estimatedAnnualRevenue", hasRevenue ? company.RevenueRange : null);
        writer.WriteNumber("fiscalYearEnd", 12);
        writer.WriteEndObject();

        writer.WriteString("indexedAt", ClearbitPersonJson.Timestamp(coverage.RefreshedAt(company.Index)));
        writer.WriteStringArray("tech", hasTech ? company.Tech : []);
        writer.WriteStartArray("techCategories");
        if (hasTech)
        {
            foreach (var category in company.Tech.Select(ClearbitVocabulary.TechCategory).Distinct())
            {
                writer.WriteStringValue(category);
            }
        }

        writer.WriteEndArray();
        writer.WriteStartObject("parent");
        writer.WriteNull("domain");
        writer.WriteEndObject();
        writer.WriteStartObject("ultimateParent");
        writer.WriteNull("domain");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
