using System.Globalization;
using System.Text.Json;
using Tributary.Simulators.Dataset;

namespace Tributary.Simulators.ZoomInfo;

/// <summary>
/// A legacy contact record (see zoominfo-enrich-contact.json), including its quirks: booleans as
/// strings in <c>hasCanadianEmail</c>, US-style date strings, national phone formatting.
/// </summary>
internal static class ZoomInfoContactJson
{
    public static void Write(ZoomInfoRecordWriter record, SamplePerson person)
    {
        var coverage = ZoomInfoSimulator.Coverage;
        var location = person.Location;
        var json = record.Json;
        var isUs = location.CountryCode == "US";

        json.WriteStartObject();
        json.WriteNumber("id", person.ZoomInfoId);
        record.String("firstName", person.FirstName);
        record.String("middleName", null);
        record.String("lastName", person.LastName);
        record.String("email", coverage.Fills(person, "email", 950) ? person.Email : null);
        record.String("hasCanadianEmail", "false");
        record.String("phone", coverage.Fills(person, "phone", 900) ? PhoneFormats.National(person.Phone) : null);
        record.String("mobilePhone", coverage.Fills(person, "mobilePhone", 400) ? PhoneFormats.National(person.Phone) : null);
        record.Boolean("directPhoneDoNotCall", false);
        record.Boolean("mobilePhoneDoNotCall", false);
        record.String("city", location.City);
        record.String("region", location.State);
        record.String("state", location.State);
        record.String("zipCode", null);
        record.String("country", location.Country);
        record.String("personHasMoved", "No");
        record.Boolean("withinEu", location.Continent == "Europe" && location.CountryCode != "GB");
        record.Boolean("withinCalifornia", isUs && location.StateCode == "CA");
        record.Boolean("withinCanada", location.CountryCode == "CA");
        record.String("lastUpdatedDate", coverage.RefreshedAt(person.Index).ToString("M/d/yyyy h:mm tt", CultureInfo.InvariantCulture));
        record.String("jobTitle", person.Title);
        if (record.Wants("jobFunction"))
        {
            var (name, department) = ZoomInfoVocabulary.JobFunction(person);
            json.WriteStartArray("jobFunction");
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("department", department);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        record.Strings("managementLevel", ZoomInfoVocabulary.ManagementLevel(person.Seniority));
        record.Number("contactAccuracyScore", coverage.Score(person, "accuracy", 75, 99));
        if (record.Wants("externalUrls"))
        {
            json.WriteStartArray("externalUrls");
            if (coverage.Fills(person, "linkedin", 800))
            {
                json.WriteStartObject();
                json.WriteString("type", "linkedin.com");
                json.WriteString("url", "https://www.linkedin.com/in/" + person.LinkedInSlug);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (record.WantsCompany)
        {
            json.WritePropertyName("company");
            WriteCompany(json, person.Company);
        }

        json.WriteEndObject();
    }

    private static void WriteCompany(Utf8JsonWriter json, SampleCompany company)
    {
        var location = company.Location;
        json.WriteStartObject();
        json.WriteNumber("id", company.ZoomInfoId);
        json.WriteString("name", company.Name);
        json.WriteString("website", "www." + company.Domain);
        json.WriteString("phone", PhoneFormats.National(company.Phone));
        json.WriteString("street", company.StreetAddress);
        json.WriteString("city", location.City);
        json.WriteString("state", location.State);
        json.WriteString("zipCode", location.PostalCode);
        json.WriteString("country", location.Country);
        json.WriteString("revenue", ZoomInfoVocabulary.Revenue(company.EstimatedRevenue));
        json.WriteNumber("revenueNumeric", company.EstimatedRevenue);
        json.WriteNumber("employeeCount", company.Employees);
        json.WriteString("type", company.Ticker is null ? "PRIVATE" : "PUBLIC");
        json.WriteString("ticker", company.Ticker);
        json.WriteStartArray("primaryIndustry");
        json.WriteStringValue(company.Industry.Name);
        json.WriteEndArray();
        json.WriteStartArray("industries");
        json.WriteStringValue(company.Industry.Name);
        json.WriteStringValue(company.Industry.Sector);
        json.WriteEndArray();
        json.WriteString("revenueRange", ZoomInfoVocabulary.RevenueRange(company.RevenueRange));
        json.WriteString("employeeRange", ZoomInfoVocabulary.EmployeeRange(company.Employees));
        json.WriteEndObject();
    }
}
