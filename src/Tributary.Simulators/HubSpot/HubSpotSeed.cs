using System.Globalization;
using Tributary.Simulators.Dataset;

namespace Tributary.Simulators.HubSpot;

/// <summary>
/// The portal the simulator starts with: <see cref="HubSpotSimulator.SeededContacts"/> contacts, ids 1001 upwards, one
/// per sample person Clearbit knows (so enrichment finds them), Jane Doe first. Every third contact (ids 1002, 1005, …)
/// has only its email and name, the blanks write-back fills. Some fields were typed by a person, which write-back
/// must leave alone: the job title of every fifth full contact (<c>CRM_UI</c>), the industry of every tenth
/// (<c>IMPORT</c>), and the city of every sixth blank one (<c>IMPORT</c>). Everything else came from integrations.
/// </summary>
internal static class HubSpotSeed
{
    private static readonly DateTimeOffset Epoch = new(2024, 1, 10, 12, 0, 0, TimeSpan.Zero);

    public static HubSpotContactStore Create(SampleDataset dataset, TimeProvider time)
    {
        var store = new HubSpotContactStore(time);
        var people = dataset.People.Where(HubSpotSimulator.Known).Take(HubSpotSimulator.SeededContacts).ToList();
        for (var i = 0; i < people.Count; i++)
        {
            var createdAt = Epoch.AddHours(i);
            store.Add((1001 + i).ToString(CultureInfo.InvariantCulture), createdAt, Properties(people[i], i, createdAt));
        }

        return store;
    }

    /// <summary>A full contact for <paramref name="person"/>, every property set by an integration at <paramref name="at"/>.</summary>
    public static IEnumerable<(string, string, string, DateTimeOffset)> Full(SamplePerson person, DateTimeOffset at) =>
        Identity(person, at).Concat(Firmographics(person, at, "INTEGRATION"));

    /// <summary>A contact for <paramref name="person"/> with only an email and a name, set by an integration at <paramref name="at"/>.</summary>
    public static IEnumerable<(string, string, string, DateTimeOffset)> Blank(SamplePerson person, DateTimeOffset at) => Identity(person, at);

    private static IEnumerable<(string, string, string, DateTimeOffset)> Properties(SamplePerson person, int index, DateTimeOffset at)
    {
        foreach (var identity in Identity(person, at))
        {
            yield return identity;
        }

        var blank = index % 3 == 1;
        if (blank)
        {
            if (index % 6 == 4)
            {
                yield return ("city", person.Location.City, "IMPORT", at.AddDays(2));
            }

            yield break;
        }

        var source = index % 2 == 0 ? "INTEGRATION" : "API";
        foreach (var (property, value, sourceType, when) in Firmographics(person, at, source))
        {
            yield return (property, value, sourceType, when);
            if (property == "jobtitle" && index % 5 == 2)
            {
                // A sales rep corrected the title by hand a month later.
                yield return (property, "Senior " + value, "CRM_UI", when.AddDays(30));
            }
            else if (property == "industry" && index % 10 == 7)
            {
                yield return (property, value, "IMPORT", when.AddDays(10));
            }
        }
    }

    private static IEnumerable<(string, string, string, DateTimeOffset)> Identity(SamplePerson person, DateTimeOffset at)
    {
        yield return ("email", person.Email, "INTEGRATION", at);
        yield return ("firstname", person.FirstName, "INTEGRATION", at);
        yield return ("lastname", person.LastName, "INTEGRATION", at);
    }

    private static IEnumerable<(string, string, string, DateTimeOffset)> Firmographics(SamplePerson person, DateTimeOffset at, string source)
    {
        var company = person.Company;
        yield return ("phone", person.Phone, source, at);
        yield return ("company", company.Name, source, at);
        yield return ("website", "https://www." + company.Domain, source, at);
        yield return ("jobtitle", person.Title, source, at);
        yield return ("industry", company.Industry.Name, source, at);
        yield return ("numberofemployees", company.Employees.ToString(CultureInfo.InvariantCulture), source, at);
        yield return ("city", person.Location.City, source, at);
        yield return ("country", person.Location.Country, source, at);
    }
}
