using System.Globalization;
using System.Text.Json;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Hunter;

/// <summary>The email-finder <c>data</c> (hunter-email-finder.json) and the domain-search items (hunter-domain-search.json).</summary>
internal static class HunterEmailJson
{
    /// <summary>The finder's answer; a miss keeps the shape with <c>email</c> and the scores null.</summary>
    public static void WriteFinderData(Utf8JsonWriter writer, SamplePerson? person, string? firstName, string? lastName, string? domain)
    {
        var coverage = HunterSimulator.Coverage;
        writer.WriteStartObject("data");
        writer.WriteString("first_name", person?.FirstName ?? firstName);
        writer.WriteString("last_name", person?.LastName ?? lastName);
        writer.WriteString("email", person?.Email);
        writer.WriteNumberOrNull("score", person is null ? null : Score(person));
        writer.WriteString("domain", person?.Company.Domain ?? domain);
        if (person is null)
        {
            writer.WriteNull("accept_all");
        }
        else
        {
            writer.WriteBoolean("accept_all", false);
        }

        writer.WriteString("position", person?.Title);
        writer.WriteNull("twitter");
        writer.WriteString("linkedin_url", person is not null && coverage.Fills(person, "linkedin", 700) ? "https://www.linkedin.com/in/" + person.LinkedInSlug : null);
        writer.WriteString("phone_number", person is not null && coverage.Fills(person, "phone", 300) ? person.Phone : null);
        writer.WriteString("company", person?.Company.Name);
        WriteSources(writer, person);
        WriteVerification(writer, person);
        writer.WriteEndObject();
    }

    public static void WriteDomainSearchItem(Utf8JsonWriter writer, SamplePerson person)
    {
        var coverage = HunterSimulator.Coverage;
        writer.WriteStartObject();
        writer.WriteString("value", person.Email);
        writer.WriteString("type", "personal");
        writer.WriteNumber("confidence", Score(person));
        writer.WriteString("first_name", person.FirstName);
        writer.WriteString("last_name", person.LastName);
        writer.WriteString("position", person.Title);
        writer.WriteString("seniority", HunterVocabulary.Seniority(person.Seniority));
        writer.WriteString("department", HunterVocabulary.Department(person));
        writer.WriteString("linkedin", coverage.Fills(person, "linkedin", 700) ? "https://www.linkedin.com/in/" + person.LinkedInSlug : null);
        writer.WriteNull("twitter");
        writer.WriteString("phone_number", coverage.Fills(person, "phone", 300) ? person.Phone : null);
        WriteVerification(writer, person);
        WriteSources(writer, person);
        writer.WriteEndObject();
    }

    /// <summary>The role address every company has, listed as Hunter's "generic" type.</summary>
    public static void WriteGenericItem(Utf8JsonWriter writer, SampleCompany company)
    {
        writer.WriteStartObject();
        writer.WriteString("value", "info@" + company.Domain);
        writer.WriteString("type", "generic");
        writer.WriteNumber("confidence", 91);
        writer.WriteNull("first_name");
        writer.WriteNull("last_name");
        writer.WriteNull("position");
        writer.WriteNull("seniority");
        writer.WriteString("department", "support");
        writer.WriteNull("linkedin");
        writer.WriteNull("twitter");
        writer.WriteNull("phone_number");
        writer.WriteStartObject("verification");
        writer.WriteNull("date");
        writer.WriteNull("status");
        writer.WriteEndObject();
        writer.WriteEmptyArray("sources");
        writer.WriteEndObject();
    }

    public static int Score(SamplePerson person) => HunterSimulator.Coverage.Score(person, "score", 70, 99);

    private static void WriteVerification(Utf8JsonWriter writer, SamplePerson? person)
    {
        writer.WriteStartObject("verification");
        if (person is null)
        {
            writer.WriteNull("date");
            writer.WriteNull("status");
        }
        else
        {
            writer.WriteString("date", HunterSimulator.Coverage.RefreshedAt(person.Index).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteString("status", Score(person) >= 85 ? "valid" : "accept_all");
        }

        writer.WriteEndObject();
    }

    private static void WriteSources(Utf8JsonWriter writer, SamplePerson? person)
    {
        writer.WriteStartArray("sources");
        if (person is not null)
        {
            var seen = HunterSimulator.Coverage.RefreshedAt(person.Index).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            writer.WriteStartObject();
            writer.WriteString("domain", person.Company.Domain);
            writer.WriteString("uri", $"https://{person.Company.Domain}/team");
            writer.WriteString("extracted_on", seen);
            writer.WriteString("last_seen_on", seen);
            writer.WriteBoolean("still_on_page", true);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
