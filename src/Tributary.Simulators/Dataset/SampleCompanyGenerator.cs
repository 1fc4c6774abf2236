namespace Tributary.Simulators.Dataset;

/// <summary>Generates the companies: company 0 is Acme Inc, the rest are adjective + noun + suffix.</summary>
internal static class SampleCompanyGenerator
{
    /// <summary>Company phone lines start here so they never collide with people's lines (0000–4999).</summary>
    private const int CompanyLineBase = 5000;

    private static readonly (int Min, int Max, int Weight)[] SizeBands =
        [(2, 10, 10), (11, 50, 25), (51, 200, 25), (201, 1000, 20), (1001, 5000, 12), (5001, 10000, 5), (10001, 50000, 3)];

    private static readonly (string Pattern, int Weight)[] EmailPatterns =
        [("{first}.{last}", 60), ("{f}{last}", 20), ("{first}", 10), ("{first}_{last}", 10)];

    public static List<SampleCompany> Generate(DeterministicRandom random, int count)
    {
        var companies = new List<SampleCompany>(count) { Acme() };
        var domains = new HashSet<string>(StringComparer.Ordinal) { companies[0].Domain };
        var tickers = new HashSet<string>(StringComparer.Ordinal);
        var adjectives = WordLists.CompanyAdjectives;
        var nouns = WordLists.CompanyNouns;
        var combinations = adjectives.Count * nouns.Count;

        // Walking the adjective × noun grid with a stride coprime to its size visits every pair once.
        for (var step = 1; companies.Count < count && step < combinations; step++)
        {
            var cell = (int)((step * 617L) % combinations);
            var adjective = adjectives[cell % adjectives.Count];
            var noun = nouns[cell / adjectives.Count];
            if (adjective == noun)
            {
                continue;
            }

            var domain = UniqueDomain(random, domains, (adjective + noun).ToLowerInvariant());
            companies.Add(Create(random, companies.Count, adjective, noun, domain, tickers));
        }

        return companies;
    }

    private static SampleCompany Create(DeterministicRandom random, int index, string adjective, string noun, string domain, HashSet<string> tickers)
    {
        var name = $"{adjective} {noun} {random.Pick(WordLists.CompanySuffixes)}";
        var industry = random.Pick(Industries.All);
        var band = random.PickWeighted(SizeBands, static b => b.Weight);
        var employees = random.Next(band.Min, band.Max);
        var location = random.PickWeighted(Locations.All, static l => l.Weight);
        var (revenueRange, revenue) = Revenue(employees);
        string? ticker = null;
        if (employees > 1000 && random.Chance(250))
        {
            ticker = (adjective[..2] + noun[..2]).ToUpperInvariant();
            ticker = tickers.Add(ticker) ? ticker : null;
        }

        return new SampleCompany
        {
            Index = index,
            Name = name,
            Domain = domain,
            Industry = industry,
            Employees = employees,
            RevenueRange = revenueRange,
            EstimatedRevenue = revenue,
            FoundedYear = random.Next(1975, 2022),
            Location = location,
            StreetNumber = random.Next(1, 999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            StreetName = random.Pick(WordLists.StreetNames),
            Phone = PhoneBlocks.Compose(location, PhoneBlocks.Next(random), CompanyLineBase + index),
            Tech = PickDistinct(random, WordLists.TechnologyKeys, random.Next(3, 6)),
            IntentTopics = PickDistinct(random, WordLists.IntentTopics, random.Next(2, 4)),
            LinkedInSlug = $"{adjective}-{noun}".ToLowerInvariant(),
            EmailPattern = random.PickWeighted(EmailPatterns, static p => p.Weight).Pattern,
            Description = $"{name} is a {industry.Name.ToLowerInvariant()} company headquartered in {location.City}.",
            Ticker = ticker,
            ZoomInfoId = SampleIds.ZoomInfoCompany(index),
            PdlId = SampleIds.PeopleDataLabs("company", index, 21, ""),
            ApolloId = SampleIds.Apollo("organization", index),
            ClearbitId = SampleIds.Clearbit("company", index),
        };
    }

    /// <summary>The README's example company, fixed so documentation and tests can rely on it.</summary>
    private static SampleCompany Acme() => new()
    {
        Index = 0,
        Name = "Acme Inc",
        Domain = "acme.com",
        Industry = Industries.Software,
        Employees = 500,
        RevenueRange = "$50M-$100M",
        EstimatedRevenue = 75_000_000,
        FoundedYear = 2009,
        Location = Locations.SanFrancisco,
        StreetNumber = "100",
        StreetName = "Market Street",
        Phone = "+14152220100",
        Tech = ["salesforce", "hubspot", "aws"],
        IntentTopics = ["data enrichment", "crm integration", "sales intelligence"],
        LinkedInSlug = "acme",
        EmailPattern = "{first}.{last}",
        Description = "Acme Inc is a software company headquartered in San Francisco.",
        ZoomInfoId = SampleIds.ZoomInfoCompany(0),
        PdlId = SampleIds.PeopleDataLabs("company", 0, 21, ""),
        ApolloId = SampleIds.Apollo("organization", 0),
        ClearbitId = SampleIds.Clearbit("company", 0),
    };

    private static (string Range, long Estimate) Revenue(int employees) => employees switch
    {
        <= 10 => ("$0-$1M", 500_000),
        <= 50 => ("$1M-$10M", 5_000_000),
        <= 200 => ("$10M-$50M", 25_000_000),
        <= 1000 => ("$50M-$100M", 75_000_000),
        <= 2500 => ("$100M-$250M", 175_000_000),
        <= 5000 => ("$250M-$500M", 375_000_000),
        <= 10000 => ("$500M-$1B", 750_000_000),
        _ => ("$1B-$10B", 2_500_000_000),
    };

    private static string UniqueDomain(DeterministicRandom random, HashSet<string> used, string stem)
    {
        var domain = $"{stem}.{random.Pick(WordLists.TopLevelDomains)}";
        for (var n = 2; !used.Add(domain); n++)
        {
            domain = $"{stem}{n}.com";
        }

        return domain;
    }

    private static string[] PickDistinct(DeterministicRandom random, IReadOnlyList<string> source, int count)
    {
        var picked = new List<string>(count);
        while (picked.Count < count)
        {
            var item = random.Pick(source);
            if (!picked.Contains(item))
            {
                picked.Add(item);
            }
        }

        return [.. picked];
    }
}
