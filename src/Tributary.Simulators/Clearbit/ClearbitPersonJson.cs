using System.Globalization;
using System.Text.Json;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Clearbit;

/// <summary>
/// A Clearbit v2 person (see clearbit-person-find.json). Hunter's enrichment endpoints answer in
/// the same shape, so they write through here with their own coverage.
/// </summary>
internal static class ClearbitPersonJson
{
    public static void Write(Utf8JsonWriter writer, SamplePerson person, ProviderCoverage coverage)
    {
        var hasGeo = coverage.Fills(person, "geo", 900);
        var hasTitle = coverage.Fills(person, "title", 950);
        var location = person.Location;
        var company = person.Company;

        writer.WriteStartObject();
        writer.WriteString("id", person.ClearbitId);
        writer.WriteStartObject("name");
        writer.WriteString("fullName", person.FullName);
        writer.WriteString("givenName", person.FirstName);
        writer.WriteString("familyName", person.LastName);
        writer.WriteEndObject();
        writer.WriteString("email", person.Email);
        writer.WriteString("location", hasGeo ? $"{location.City}, {location.StateCode}, {location.CountryCode}" : null);
        writer.WriteString("timeZone", hasGeo ? location.TimeZone : null);
        writer.WriteNumberOrNull("utcOffset", hasGeo ? location.UtcOffset : null);
        ClearbitGeoJson.WriteCity(writer, "geo", hasGeo ? location : null);
        writer.WriteNull("bio");
        writer.WriteNull("site");
        writer.WriteNull("avatar");

        writer.WriteStartObject("employment");
        writer.WriteString("domain", company.Domain);
        writer.WriteString("name", company.Name);
        writer.WriteString("title", hasTitle ? person.Title : null);
        writer.WriteString("role", hasTitle ? ClearbitVocabulary.Role(person.Department) : null);
        writer.WriteString("subRole", hasTitle ? ClearbitVocabulary.SubRole(person.Department, person.Seniority) : null);
        writer.WriteString("seniority", hasTitle ? ClearbitVocabulary.Seniority(person.Seniority) : null);
        writer.WriteEndObject();

        WriteEmptyHandle(writer, "facebook");
        writer.WriteStartObject("github");
        writer.WriteNull("handle");
        writer.WriteNull("id");
        writer.WriteNull("avatar");
        writer.WriteNull("company");
        writer.WriteNull("blog");
        writer.WriteNull("followers");
        writer.WriteNull("following");
        writer.WriteEndObject();
        writer.WriteStartObject("twitter");
        writer.WriteNull("handle");
        writer.WriteNull("id");
        writer.WriteNull("bio");
        writer.WriteNull("followers");
        writer.WriteNull("following");
        writer.WriteNull("location");
        writer.WriteNull("site");
        writer.WriteNull("avatar");
        writer.WriteEndObject();
        writer.WriteStartObject("linkedin");
        writer.WriteString("handle", coverage.Fills(person, "linkedin", 900) ? "in/" + person.LinkedInSlug : null);
        writer.WriteEndObject();
        WriteEmptyHandle(writer, "googleplus");
        writer.WriteStartObject("gravatar");
        writer.WriteNull("handle");
        writer.WriteEmptyArray("urls");
        writer.WriteNull("avatar");
        writer.WriteEmptyArray("avatars");
        writer.WriteEndObject();

        writer.WriteBoolean("fuzzy", false);
        writer.WriteBoolean("emailProvider", false);
        writer.WriteString("indexedAt", Timestamp(coverage.RefreshedAt(person.Index)));
        writer.WriteString("phone", coverage.Fills(person, "phone", 250) ? PhoneFormats.International(person.Phone) : null);
        writer.WriteNull("activeAt");
        writer.WriteNull("inactiveAt");
        writer.WriteEndObject();
    }

    /// <summary>Clearbit prints instants with milliseconds: "2023-03-14T02:11:52.000Z".</summary>
    internal static string Timestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    internal static void WriteEmptyHandle(Utf8JsonWriter writer, string network)
    {
        writer.WriteStartObject(network);
        writer.WriteNull("handle");
        writer.WriteEndObject();
    }
}
