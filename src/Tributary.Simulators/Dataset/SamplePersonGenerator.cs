using System.Globalization;

namespace Tributary.Simulators.Dataset;

/// <summary>Generates the people: person 0 is Jane Doe at Acme Inc, the rest are spread over the companies.</summary>
internal static class SamplePersonGenerator
{
    private static readonly (Seniority Level, int Weight, int MinYears, int MaxYears)[] SeniorityLadder =
    [
        (Seniority.CSuite, 3, 18, 30), (Seniority.Vp, 7, 14, 25), (Seniority.Director, 12, 10, 20),
        (Seniority.Manager, 20, 6, 15), (Seniority.Senior, 28, 5, 12), (Seniority.Entry, 30, 0, 4),
    ];

    /// <summary>Weights in the order of <see cref="Departments.All"/>: engineering and sales dominate.</summary>
    private static readonly (DepartmentProfile Department, int Weight)[] DepartmentMix =
        [.. Departments.All.Zip([22, 20, 12, 8, 12, 8, 12, 6])];

    public static List<SamplePerson> Generate(DeterministicRandom random, IReadOnlyList<SampleCompany> companies, int count)
    {
        var people = new List<SamplePerson>(count) { JaneDoe(companies[0]) };
        var emails = new HashSet<string>(StringComparer.Ordinal) { people[0].Email };
        var slugs = new HashSet<string>(StringComparer.Ordinal) { people[0].LinkedInSlug };
        var namesAtCompany = new HashSet<string>(StringComparer.Ordinal) { "0|Jane Doe" };

        // Bigger companies get more of the sample people, as they would in a real CRM.
        var employers = new WeightedTable<SampleCompany>(companies, static c => 1 + (int)Math.Log2(c.Employees));

        while (people.Count < count)
        {
            var index = people.Count;
            var company = employers.Pick(random);
            var female = random.Chance(500);
            string first, last;
            do
            {
                first = random.Pick(female ? WordLists.FemaleFirstNames : WordLists.MaleFirstNames);
                last = random.Pick(WordLists.LastNames);
            }
            while (!namesAtCompany.Add($"{company.Index}|{first} {last}"));

            var rung = random.PickWeighted(SeniorityLadder, static s => s.Weight);
            var department = random.PickWeighted(DepartmentMix, static d => d.Weight).Department;
            var location = random.Chance(750) ? company.Location : random.PickWeighted(Locations.All, static l => l.Weight);
            people.Add(new SamplePerson
            {
                Index = index,
                FirstName = first,
                LastName = last,
                Sex = female ? "female" : "male",
                Email = UniqueEmail(emails, company, first, last),
                Phone = PhoneBlocks.Compose(location, PhoneBlocks.Next(random), index),
                Title = department.TitleFor(rung.Level),
                Seniority = rung.Level,
                Department = department,
                Location = location,
                LinkedInSlug = UniqueSlug(slugs, first, last, index),
                Company = company,
                JobStartDate = new DateOnly(random.Next(2012, 2024), random.Next(1, 12), 1),
                YearsExperience = random.Next(rung.MinYears, rung.MaxYears),
                ZoomInfoId = SampleIds.ZoomInfoPerson(index),
                PdlId = SampleIds.PeopleDataLabs("person", index, 16, "_0000"),
                ApolloId = SampleIds.Apollo("person", index),
                ClearbitId = SampleIds.Clearbit("person", index),
            });
        }

        return people;
    }

    /// <summary>The README's example person, known to every provider with every field.</summary>
    private static SamplePerson JaneDoe(SampleCompany acme) => new()
    {
        Index = 0,
        FirstName = "Jane",
        LastName = "Doe",
        Sex = "female",
        Email = "jane.doe@acme.com",
        Phone = "+14152220123",
        Title = "VP of Engineering",
        Seniority = Seniority.Vp,
        Department = Departments.Engineering,
        Location = Locations.SanFrancisco,
        LinkedInSlug = "janedoe",
        Company = acme,
        JobStartDate = new DateOnly(2021, 5, 1),
        YearsExperience = 14,
        ZoomInfoId = SampleIds.ZoomInfoPerson(0),
        PdlId = SampleIds.PeopleDataLabs("person", 0, 16, "_0000"),
        ApolloId = SampleIds.Apollo("person", 0),
        ClearbitId = SampleIds.Clearbit("person", 0),
    };

    private static string UniqueEmail(HashSet<string> used, SampleCompany company, string first, string last)
    {
        var f = Letters(first);
        var l = Letters(last);
        var local = company.EmailPattern
            .Replace("{first}", f, StringComparison.Ordinal)
            .Replace("{last}", l, StringComparison.Ordinal)
            .Replace("{f}", f[..1], StringComparison.Ordinal);
        var email = $"{local}@{company.Domain}";
        for (var n = 2; !used.Add(email); n++)
        {
            email = $"{local}{n.ToString(CultureInfo.InvariantCulture)}@{company.Domain}";
        }

        return email;
    }

    private static string UniqueSlug(HashSet<string> used, string first, string last, int index)
    {
        var slug = $"{Letters(first)}-{Letters(last)}-{StableHash.Of("linkedin" + index) & 0xFFFF_FFFF:x8}";
        for (var n = 2; !used.Add(slug); n++)
        {
            slug = $"{slug}{n}";
        }

        return slug;
    }

    /// <summary>The word lists hold plain ASCII names (a test checks), so lower-casing is enough.</summary>
    private static string Letters(string name) => name.ToLowerInvariant();
}
