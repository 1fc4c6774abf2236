using System.Globalization;
using System.Text.Json;
using Tributary.Simulators.Dataset;

namespace Tributary.Simulators.ZoomInfo;

/// <summary>
/// Resolves one <c>matchPersonInput</c> or <c>matchCompanyInput</c> entry against the dataset, trying
/// the documented keys from most to least specific, then applies ZoomInfo's coverage.
/// </summary>
internal sealed class ZoomInfoMatcher(ZoomInfoSimulator simulator)
{
    public SamplePerson? MatchPerson(JsonElement input) =>
        FindPerson(input) is { } person && ZoomInfoSimulator.Coverage.Knows(person) ? person : null;

    public SampleCompany? MatchCompany(JsonElement input) =>
        FindCompany(input) is { } company && ZoomInfoSimulator.Coverage.Knows(company) ? company : null;

    private SamplePerson? FindPerson(JsonElement input)
    {
        var dataset = simulator.Dataset;
        if (Read(input, "personId") is { } id)
        {
            return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var personId) ? dataset.FindByZoomInfoId(personId) : null;
        }

        if (Read(input, "emailAddress") is { } email)
        {
            return dataset.FindByEmail(email);
        }

        if (Read(input, "phone") is { } phone)
        {
            return dataset.FindByPhone(phone);
        }

        if (Read(input, "externalURL") is { } url)
        {
            return dataset.FindByLinkedIn(url);
        }

        var company = FindCompany(input)?.Domain;
        return Read(input, "fullName") is { } fullName
            ? dataset.FindByName(fullName, company)
            : dataset.FindByName(Read(input, "firstName"), Read(input, "lastName"), company);
    }

    private SampleCompany? FindCompany(JsonElement input)
    {
        var dataset = simulator.Dataset;
        if (Read(input, "companyId") is { } id)
        {
            return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var companyId) ? dataset.FindCompanyByZoomInfoId(companyId) : null;
        }

        return dataset.FindCompanyByDomain(Read(input, "companyWebsite"))
            ?? dataset.FindCompanyByTicker(Read(input, "companyTicker"))
            ?? dataset.FindCompanyByName(Read(input, "companyName"));
    }

    /// <summary>A string or number value, as text; null when absent, empty or of another kind.</summary>
    private static string? Read(JsonElement input, string name)
    {
        if (!ZoomInfoOutputFields.TryGetProperty(input, name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
