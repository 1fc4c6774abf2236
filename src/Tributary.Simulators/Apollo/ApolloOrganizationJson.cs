using System.Text.Json;
using Tributary.Simulators.Clearbit;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Apollo;

/// <summary>An Apollo organization (see apollo-organizations-enrich.json), also nested in people.</summary>
internal static class ApolloOrganizationJson
{
    public static void Write(Utf8JsonWriter writer, SampleCompany company)
    {
        var coverage = ApolloSimulator.Coverage;
        var location = company.Location;
        var hasPhone = coverage.Fills(company, "phone", 750);
        var hasRevenue = coverage.Fills(company, "revenue", 800);

        writer.WriteStartObject();
        writer.WriteString("id", company.ApolloId);
        writer.WriteString("name", company.Name);
        writer.WriteString("website_url", "http://www." + company.Domain);
        writer.WriteNull("blog_url");
        writer.WriteNull("angellist_url");
        writer.WriteString("linkedin_url", "http://www.linkedin.com/company/" + company.LinkedInSlug);
        writer.WriteNull("twitter_url");
        writer.WriteNull("facebook_url");
        writer.WriteStartObject("primary_phone");
        if (hasPhone)
        {
            writer.WriteString("number", PhoneFormats.International(company.Phone));
            writer.WriteString("source", "Account");
            writer.WriteString("sanitized_number", company.Phone);
        }

        writer.WriteEndObject();
        writer.WriteEmptyArray("languages");
        writer.WriteNull("alexa_ranking");
        writer.WriteString("phone", hasPhone ? PhoneFormats.International(company.Phone) : null);
        writer.WriteNull("linkedin_uid");
        writer.WriteNumberOrNull("founded_year", coverage.Fills(company, "founded", 850) ? company.FoundedYear : null);
        writer.WriteString("publicly_traded_symbol", company.Ticker);
        writer.WriteString("publicly_traded_exchange", company.Ticker is null ? null : "nasdaq");
        writer.WriteNull("logo_url");
        writer.WriteNull("crunchbase_url");
        writer.WriteString("primary_domain", company.Domain);
        writer.WriteString("industry", company.Industry.LowerName);
        writer.WriteStringArray("keywords", company.IntentTopics);
        writer.WriteNumber("estimated_num_employees", company.Employees);
        writer.WriteStringArray("industries", [company.Industry.LowerName]);
        writer.WriteEmptyArray("secondary_industries");
        writer.WriteBoolean("snippets_loaded", true);
        writer.WriteNull("industry_tag_id");
        writer.WriteEmptyObject("industry_tag_hash");
        writer.WriteNumber("retail_location_count", 0);
        writer.WriteString("raw_address", $"{company.StreetAddress}, {location.City}, {location.State} {location.PostalCode}, {location.CountryCode}".ToLowerInvariant());
        writer.WriteString("street_address", company.StreetAddress);
        writer.WriteString("city", location.City);
        writer.WriteString("state", location.State);
        writer.WriteString("postal_code", location.PostalCode);
        writer.WriteString("country", location.Country);
        writer.WriteNull("owned_by_organization_id");
        writer.WriteString("seo_description", company.Description);
        writer.WriteString("short_description", company.Description);
        writer.WriteEmptyArray("suborganizations");
        writer.WriteNumber("num_suborganizations", 0);
        writer.WriteString("annual_revenue_printed", hasRevenue ? ApolloVocabulary.PrintedRevenue(company.EstimatedRevenue) : null);
        writer.WriteNumberOrNull("annual_revenue", hasRevenue ? company.EstimatedRevenue : null);
        writer.WriteNull("total_funding");
        writer.WriteNull("total_funding_printed");
        writer.WriteNull("latest_funding_round_date");
        writer.WriteNull("latest_funding_stage");
        writer.WriteEmptyArray("funding_events");
        writer.WriteStringArray("technology_names", company.Tech.Select(ApolloVocabulary.TechnologyName));
        writer.WriteStartArray("current_technologies");
        foreach (var tech in company.Tech)
        {
            writer.WriteStartObject();
            writer.WriteString("uid", tech);
            writer.WriteString("name", ApolloVocabulary.TechnologyName(tech));
            writer.WriteString("category", ClearbitVocabulary.TechCategory(tech));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
