using System.Globalization;
using System.Text.Json;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.PeopleDataLabs;

/// <summary>A PDL person record (see pdl-person-enrich.json): snake_case keys, lower-cased values, null when unknown.</summary>
internal static class PdlPersonJson
{
    public const string DatasetVersion = "31.0";

    public static void WriteData(Utf8JsonWriter writer, SamplePerson person, PdlText text)
    {
        var facts = PdlPersonFacts.For(person);
        var company = person.Company;
        var location = person.Location;
        var linkedIn = facts.LinkedIn ? "linkedin.com/in/" + person.LinkedInSlug : null;
        var levels = PdlVocabulary.Level(person.Seniority);
        var started = person.JobStartDate.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        writer.WriteStartObject();
        writer.WriteString("id", person.PdlId);
        writer.WriteString("full_name", text.Apply(person.FullName));
        writer.WriteString("first_name", text.Apply(person.FirstName));
        writer.WriteNull("middle_initial");
        writer.WriteNull("middle_name");
        writer.WriteString("last_initial", text.Apply(person.LastName[..1]));
        writer.WriteString("last_name", text.Apply(person.LastName));
        writer.WriteString("sex", person.Sex);
        writer.WriteNull("birth_year");
        writer.WriteNull("birth_date");
        writer.WriteString("linkedin_url", linkedIn);
        writer.WriteString("linkedin_username", facts.LinkedIn ? person.LinkedInSlug : null);
        writer.WriteNull("linkedin_id");
        foreach (var network in (ReadOnlySpan<string>)["facebook", "twitter", "github"])
        {
            writer.WriteNull(network + "_url");
            writer.WriteNull(network + "_username");
        }

        writer.WriteString("work_email", facts.WorkEmail ? person.Email : null);
        writer.WriteEmptyArray("personal_emails");
        writer.WriteNull("recommended_personal_email");
        writer.WriteString("mobile_phone", facts.MobilePhone ? person.Phone : null);
        writer.WriteStringArray("phone_numbers", facts.PhoneNumbers || facts.MobilePhone ? [person.Phone] : []);
        writer.WriteString("industry", company.Industry.LowerName);
        writer.WriteString("job_title", text.Apply(person.Title));
        writer.WriteString("job_title_role", PdlVocabulary.Role(person.Department));
        writer.WriteString("job_title_sub_role", PdlVocabulary.SubRole(person.Department));
        writer.WriteString("job_title_class", PdlVocabulary.Class(person.Department));
        writer.WriteStringArray("job_title_levels", [levels]);
        writer.WriteString("job_company_id", company.PdlId);
        writer.WriteString("job_company_name", text.Apply(company.Name));
        writer.WriteString("job_company_website", company.Domain);
        writer.WriteString("job_company_size", CompanySizes.Band(company.Employees));
        writer.WriteNumber("job_company_founded", company.FoundedYear);
        writer.WriteString("job_company_industry", company.Industry.LowerName);
        writer.WriteString("job_company_linkedin_url", "linkedin.com/company/" + company.LinkedInSlug);
        writer.WriteNull("job_company_linkedin_id");
        writer.WriteNull("job_company_facebook_url");
        writer.WriteNull("job_company_twitter_url");
        WriteFlatLocation(writer, "job_company_location_", company.Location, text, company.StreetAddress);
        writer.WriteString("job_last_changed", person.JobStartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("job_last_verified", PeopleDataLabsSimulator.Coverage.RefreshedAt(person.Index).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("job_start_date", started);
        WriteFlatLocation(writer, "location_", location, text, streetAddress: null);
        writer.WriteStringArray("location_names", [PdlVocabulary.LocationName(location)]);
        writer.WriteStringArray("countries", [location.Country.ToLowerInvariant()]);
        writer.WriteStringArray("regions", [$"{location.State}, {location.Country}".ToLowerInvariant()]);
        writer.WriteEmptyArray("skills");
        writer.WriteEmptyArray("interests");
        writer.WriteString("inferred_salary", PdlVocabulary.InferredSalary(person.Seniority));
        writer.WriteNumber("inferred_years_experience", person.YearsExperience);
        writer.WriteNull("summary");
        writer.WriteString("headline", text.Apply($"{person.Title} at {company.Name}"));
        writer.WriteStartArray("emails");
        if (facts.WorkEmail)
        {
            writer.WriteStartObject();
            writer.WriteString("address", person.Email);
            writer.WriteString("type", "current_professional");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("profiles");
        if (facts.LinkedIn)
        {
            writer.WriteStartObject();
            writer.WriteString("network", "linkedin");
            writer.WriteNull("id");
            writer.WriteString("url", linkedIn);
            writer.WriteString("username", person.LinkedInSlug);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("experience");
        writer.WriteStartObject();
        writer.WriteStartObject("company");
        writer.WriteString("name", text.Apply(company.Name));
        writer.WriteString("size", CompanySizes.Band(company.Employees));
        writer.WriteString("id", company.PdlId);
        writer.WriteNumber("founded", company.FoundedYear);
        writer.WriteString("industry", company.Industry.LowerName);
        writer.WritePropertyName("location");
        PdlCompanyJson.WriteLocation(writer, company, text);
        writer.WriteString("linkedin_url", "linkedin.com/company/" + company.LinkedInSlug);
        writer.WriteNull("linkedin_id");
        writer.WriteNull("facebook_url");
        writer.WriteNull("twitter_url");
        writer.WriteString("website", company.Domain);
        writer.WriteEndObject();
        writer.WriteString("start_date", started);
        writer.WriteNull("end_date");
        writer.WriteStartObject("title");
        writer.WriteString("name", text.Apply(person.Title));
        writer.WriteString("role", PdlVocabulary.Role(person.Department));
        writer.WriteString("sub_role", PdlVocabulary.SubRole(person.Department));
        writer.WriteStringArray("levels", [levels]);
        writer.WriteString("class", PdlVocabulary.Class(person.Department));
        writer.WriteEndObject();
        writer.WriteEmptyArray("location_names");
        writer.WriteBoolean("is_primary", true);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEmptyArray("education");
        writer.WriteEmptyArray("certifications");
        writer.WriteEmptyArray("languages");
        writer.WriteString("dataset_version", DatasetVersion);
        writer.WriteEndObject();
    }

    private static void WriteFlatLocation(Utf8JsonWriter writer, string prefix, SampleLocation location, PdlText text, string? streetAddress)
    {
        writer.WriteString(prefix + "name", PdlVocabulary.LocationName(location));
        writer.WriteString(prefix + "locality", location.City.ToLowerInvariant());
        writer.WriteNull(prefix + "metro");
        writer.WriteString(prefix + "region", location.State.ToLowerInvariant());
        writer.WriteString(prefix + "country", location.Country.ToLowerInvariant());
        writer.WriteString(prefix + "continent", location.Continent.ToLowerInvariant());
        writer.WriteString(prefix + "street_address", text.Apply(streetAddress));
        writer.WriteNull(prefix + "address_line_2");
        writer.WriteString(prefix + "postal_code", streetAddress is null ? null : location.PostalCode.ToLowerInvariant());
        writer.WriteString(prefix + "geo", PdlVocabulary.Geo(location));
    }
}
