using System.Text.Json;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.PeopleDataLabs;

/// <summary>
/// A PDL company (see pdl-company-enrich.json): a flat object with <c>status</c> and
/// <c>likelihood</c> beside the fields, and in bulk answers the caller's <c>metadata</c> too.
/// </summary>
internal static class PdlCompanyJson
{
    public static void Write(Utf8JsonWriter writer, SampleCompany company, int likelihood, PdlText text, JsonElement? metadata)
    {
        var industry = company.Industry;
        writer.WriteStartObject();
        writer.WriteNumber("status", 200);
        writer.WriteString("name", company.Name.ToLowerInvariant());
        writer.WriteString("display_name", company.Name);
        writer.WriteString("size", CompanySizes.Band(company.Employees));
        writer.WriteNumber("employee_count", company.Employees);
        writer.WriteString("id", company.PdlId);
        writer.WriteNumber("founded", company.FoundedYear);
        writer.WriteString("industry", industry.LowerName);
        writer.WriteStartArray("naics");
        writer.WriteStartObject();
        writer.WriteString("naics_code", industry.Naics6Code);
        writer.WriteString("sector", industry.Sector.ToLowerInvariant());
        writer.WriteString("sub_sector", industry.IndustryGroup.ToLowerInvariant());
        writer.WriteString("industry_group", industry.GicsIndustry.ToLowerInvariant());
        writer.WriteNull("naics_industry");
        writer.WriteString("national_industry", industry.LowerName);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartArray("sic");
        writer.WriteStartObject();
        writer.WriteString("sic_code", industry.Sic4Code);
        writer.WriteString("major_group", industry.IndustryGroup.ToLowerInvariant());
        writer.WriteString("industry_group", industry.GicsIndustry.ToLowerInvariant());
        writer.WriteString("industry_sector", industry.Sector.ToLowerInvariant());
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WritePropertyName("location");
        WriteLocation(writer, company, text);
        writer.WriteNull("linkedin_id");
        writer.WriteString("linkedin_url", "linkedin.com/company/" + company.LinkedInSlug);
        writer.WriteString("linkedin_slug", company.LinkedInSlug);
        writer.WriteNull("facebook_url");
        writer.WriteNull("twitter_url");
        writer.WriteStringArray("profiles", ["linkedin.com/company/" + company.LinkedInSlug]);
        writer.WriteString("website", company.Domain);
        writer.WriteString("ticker", company.Ticker?.ToLowerInvariant());
        writer.WriteNull("gics_sector");
        writer.WriteNull("mic_exchange");
        writer.WriteString("type", company.Ticker is null ? "private" : "public");
        writer.WriteString("summary", text.Apply(company.Description));
        writer.WriteStringArray("tags", industry.Tags.Select(static t => t.ToLowerInvariant()));
        writer.WriteNull("headline");
        writer.WriteEmptyArray("alternative_names");
        writer.WriteEmptyArray("alternative_domains");
        writer.WriteEmptyArray("affiliated_profiles");
        writer.WriteStartObject("employee_count_by_country");
        writer.WriteNumber(company.Location.Country.ToLowerInvariant(), company.Employees);
        writer.WriteEndObject();
        writer.WriteString("inferred_revenue", company.RevenueRange);
        writer.WriteNull("total_funding_raised");
        writer.WriteNull("latest_funding_stage");
        writer.WriteNull("last_funding_date");
        writer.WriteNull("number_funding_rounds");
        writer.WriteEmptyArray("funding_stages");
        writer.WriteString("dataset_version", PdlPersonJson.DatasetVersion);
        writer.WriteNumber("likelihood", likelihood);
        if (metadata is { } echo)
        {
            writer.WritePropertyName("metadata");
            echo.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    public static void WriteLocation(Utf8JsonWriter writer, SampleCompany company, PdlText text)
    {
        var location = company.Location;
        writer.WriteStartObject();
        writer.WriteString("name", PdlVocabulary.LocationName(location));
        writer.WriteString("locality", location.City.ToLowerInvariant());
        writer.WriteString("region", location.State.ToLowerInvariant());
        writer.WriteNull("metro");
        writer.WriteString("country", location.Country.ToLowerInvariant());
        writer.WriteString("continent", location.Continent.ToLowerInvariant());
        writer.WriteString("street_address", text.Apply(company.StreetAddress));
        writer.WriteNull("address_line_2");
        writer.WriteString("postal_code", location.PostalCode.ToLowerInvariant());
        writer.WriteString("geo", PdlVocabulary.Geo(location));
        writer.WriteEndObject();
    }
}
