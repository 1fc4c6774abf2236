using System.Globalization;
using Tributary.Simulators.Dataset;

namespace Tributary.Simulators.Salesforce;

/// <summary>
/// The org the simulator starts with: <see cref="SalesforceSimulator.SeededContacts"/> Contacts (ids
/// <c>0035e000000000…</c>, Jane Doe first) and then <see cref="SalesforceSimulator.SeededLeads"/> Leads (<c>00Q5e…</c>),
/// one per sample person Clearbit knows, so enrichment finds them. Every third record (indexes 1, 4, 7…) holds only
/// the person's name and email (and a Lead its required Company), the blanks write-back fills; every fourth full
/// Contact has no phone.
/// </summary>
internal static class SalesforceSeed
{
    public static SalesforceOrg Create(SampleDataset dataset, TimeProvider time)
    {
        var org = new SalesforceOrg(time);
        var people = dataset.People.Where(static p => ClearbitSimulator.Coverage.Knows(p))
            .Take(SalesforceSimulator.SeededContacts + SalesforceSimulator.SeededLeads).ToList();
        for (var i = 0; i < people.Count; i++)
        {
            var contact = i < SalesforceSimulator.SeededContacts;
            var index = contact ? i : i - SalesforceSimulator.SeededContacts;
            var blank = index % 3 == 1;
            if (contact)
            {
                org.Add(SalesforceSchema.Contact, null, Contact(people[i], blank, noPhone: index % 4 == 2));
            }
            else
            {
                org.Add(SalesforceSchema.Lead, null, Lead(people[i], blank));
            }
        }

        return org;
    }

    /// <summary>A Contact for <paramref name="person"/>, every field filled unless <paramref name="blank"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Contact(SamplePerson person, bool blank = false, bool noPhone = false)
    {
        foreach (var identity in Identity(person))
        {
            yield return identity;
        }

        if (blank)
        {
            yield break;
        }

        if (!noPhone)
        {
            yield return new("Phone", person.Phone);
        }

        yield return new("Title", person.Title);
        yield return new("Department", person.Department.DisplayName);
        yield return new("MailingCity", person.Location.City);
        yield return new("MailingCountry", person.Location.Country);
    }

    /// <summary>A Lead for <paramref name="person"/>, every field filled unless <paramref name="blank"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Lead(SamplePerson person, bool blank = false)
    {
        foreach (var identity in Identity(person))
        {
            yield return identity;
        }

        yield return new("Company", person.Company.Name);
        yield return new("Status", "Open - Not Contacted");
        if (blank)
        {
            yield break;
        }

        yield return new("Phone", person.Phone);
        yield return new("Title", person.Title);
        yield return new("Industry", person.Company.Industry.Name);
        yield return new("NumberOfEmployees", person.Company.Employees.ToString(CultureInfo.InvariantCulture));
        yield return new("Website", "https://www." + person.Company.Domain);
        yield return new("City", person.Location.City);
        yield return new("Country", person.Location.Country);
    }

    private static IEnumerable<KeyValuePair<string, string?>> Identity(SamplePerson person)
    {
        yield return new("FirstName", person.FirstName);
        yield return new("LastName", person.LastName);
        yield return new("Email", person.Email);
    }
}
