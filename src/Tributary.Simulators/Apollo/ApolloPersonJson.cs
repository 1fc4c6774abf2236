using System.Globalization;
using System.Text.Json;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Apollo;

/// <summary>
/// An Apollo person (see apollo-people-match.json). About one in ten emails comes back as the
/// <c>email_not_unlocked@domain</c> placeholder with a "verified" status, as Apollo really does,
/// so connectors must not take that address at face value.
/// </summary>
internal static class ApolloPersonJson
{
    public static void Write(Utf8JsonWriter writer, SamplePerson person)
    {
        var coverage = ApolloSimulator.Coverage;
        var company = person.Company;
        var location = person.Location;
        var emailRoll = coverage.Score(person, "email", 0, 99);
        var locked = person.Index != 0 && emailRoll < 10;
        var extrapolated = person.Index != 0 && emailRoll is >= 10 and < 20;
        var employmentId = SampleIds.Apollo("employment", person.Index);

        writer.WriteStartObject();
        writer.WriteString("id", person.ApolloId);
        writer.WriteString("first_name", person.FirstName);
        writer.WriteString("last_name", person.LastName);
        writer.WriteString("name", person.FullName);
        writer.WriteString("linkedin_url", coverage.Fills(person, "linkedin", 900) ? "http://www.linkedin.com/in/" + person.LinkedInSlug : null);
        writer.WriteString("title", person.Title);
        writer.WriteString("email_status", extrapolated ? "extrapolated" : "verified");
        writer.WriteNull("photo_url");
        writer.WriteNull("twitter_url");
        writer.WriteNull("github_url");
        writer.WriteNull("facebook_url");
        if (extrapolated)
        {
            writer.WriteNumber("extrapolated_email_confidence", 0.7 + (emailRoll - 10) / 40.0);
        }
        else
        {
            writer.WriteNull("extrapolated_email_confidence");
        }

        writer.WriteString("headline", $"{person.Title} at {company.Name}");
        writer.WriteString("email", locked ? "email_not_unlocked@" + company.Domain : person.Email);
        writer.WriteString("organization_id", company.ApolloId);
        writer.WriteStartArray("employment_history");
        writer.WriteStartObject();
        writer.WriteString("_id", employmentId);
        writer.WriteNull("created_at");
        writer.WriteBoolean("current", true);
        writer.WriteNull("degree");
        writer.WriteNull("description");
        writer.WriteNull("emails");
        writer.WriteNull("end_date");
        writer.WriteNull("grade_level");
        writer.WriteNull("kind");
        writer.WriteNull("major");
        writer.WriteString("organization_id", company.ApolloId);
        writer.WriteString("organization_name", company.Name);
        writer.WriteNull("raw_address");
        writer.WriteString("start_date", person.JobStartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("title", person.Title);
        writer.WriteNull("updated_at");
        writer.WriteString("id", employmentId);
        writer.WriteString("key", employmentId);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteString("state", location.State);
        writer.WriteString("city", location.City);
        writer.WriteString("country", location.Country);
        writer.WritePropertyName("organization");
        ApolloOrganizationJson.Write(writer, company);
        writer.WriteBoolean("is_likely_to_engage", coverage.Fills(person, "engage", 400));
        writer.WriteBoolean("show_intent", false);
        writer.WriteStringArray("departments", [ApolloVocabulary.Department(person)]);
        writer.WriteStringArray("subdepartments", [ApolloVocabulary.SubDepartment(person)]);
        writer.WriteStringArray("functions", [ApolloVocabulary.Function(person.Department)]);
        writer.WriteString("seniority", person.Seniority.Key());
        writer.WriteBoolean("revealed_for_current_team", !locked);
        writer.WriteEndObject();
    }
}
