using Tributary.Simulators.Dataset;

namespace Tributary.Simulators.ZoomInfo;

/// <summary>A legacy company record (see zoominfo-enrich-company.json); <c>revenue</c> is in thousands of dollars.</summary>
internal static class ZoomInfoCompanyJson
{
    public static void Write(ZoomInfoRecordWriter record, SampleCompany company)
    {
        var coverage = ZoomInfoSimulator.Coverage;
        var location = company.Location;
        var json = record.Json;
        var hasRevenue = coverage.Fills(company, "revenue", 900);

        json.WriteStartObject();
        json.WriteNumber("id", company.ZoomInfoId);
        record.String("name", company.Name);
        record.String("website", "www." + company.Domain);
        record.Strings("domainList", company.Domain);
        record.Number("revenue", hasRevenue ? company.EstimatedRevenue / 1000 : null);
        record.String("revenueRange", hasRevenue ? ZoomInfoVocabulary.RevenueRange(company.RevenueRange) : null);
        record.Number("employeeCount", company.Employees);
        record.String("employeeRange", ZoomInfoVocabulary.EmployeeRange(company.Employees));
        record.String("phone", coverage.Fills(company, "phone", 850) ? PhoneFormats.National(company.Phone) : null);
        record.String("fax", null);
        record.String("street", company.StreetAddress);
        record.String("city", location.City);
        record.String("state", location.State);
        record.String("zipCode", location.PostalCode);
        record.String("country", location.Country);
        record.Strings("primaryIndustry", company.Industry.Name);
        record.Strings("industries", company.Industry.Name, company.Industry.Sector);
        record.Number("foundedYear", coverage.Fills(company, "founded", 800) ? company.FoundedYear : null);
        record.String("ticker", company.Ticker);
        record.String("type", company.Ticker is null ? "PRIVATE" : "PUBLIC");
        record.String("companyStatus", "ALIVE");
        if (record.Wants("sicCodes"))
        {
            WriteCode(record, "sicCodes", company.Industry.Sic4Code, company.Industry.GicsIndustry);
        }

        if (record.Wants("naicsCodes"))
        {
            WriteCode(record, "naicsCodes", company.Industry.Naics6Code, company.Industry.GicsIndustry);
        }

        if (record.Wants("socialMediaUrls"))
        {
            json.WriteStartArray("socialMediaUrls");
            if (coverage.Fills(company, "linkedin", 850))
            {
                json.WriteStartObject();
                json.WriteString("type", "LINKED_IN");
                json.WriteString("url", "http://www.linkedin.com/company/" + company.LinkedInSlug);
                json.WriteString("followerCount", (company.Employees * 7).ToString(System.Globalization.CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteCode(ZoomInfoRecordWriter record, string name, string code, string label)
    {
        var json = record.Json;
        json.WriteStartArray(name);
        json.WriteStartObject();
        json.WriteString("id", code);
        json.WriteString("name", label);
        json.WriteEndObject();
        json.WriteEndArray();
    }
}
