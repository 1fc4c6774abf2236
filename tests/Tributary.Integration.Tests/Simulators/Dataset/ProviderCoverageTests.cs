using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Simulators.Dataset;

public sealed class ProviderCoverageTests
{
    public static TheoryData<string, double> Providers => new()
    {
        { "clearbit", 0.85 },
        { "zoominfo", 0.75 },
        { "apollo", 0.70 },
        { "hunter", 0.60 },
        { "peopledatalabs", 0.80 },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Knows_RoughlyTheAdvertisedShareOfPeople(string provider, double share)
    {
        var people = (await TestDataset.Shared).People;
        var coverage = CoverageOf(provider);

        var known = people.Count(coverage.Knows) / (double)people.Count;

        known.ShouldBe(share, tolerance: 0.03);
    }

    [Fact]
    public async Task JaneDoe_IsKnownToEveryProviderWithEveryField()
    {
        var jane = (await TestDataset.Shared).JaneDoe;

        foreach (var coverage in new[] { ClearbitSimulator.Coverage, ZoomInfoSimulator.Coverage, ApolloSimulator.Coverage, HunterSimulator.Coverage, PeopleDataLabsSimulator.Coverage })
        {
            coverage.Knows(jane).ShouldBeTrue();
            coverage.Knows(jane.Company).ShouldBeTrue();
            coverage.Fills(jane, "phone", 1).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Providers_DisagreeAboutSomePeople_SoMergingShows()
    {
        var people = (await TestDataset.Shared).People;

        people.ShouldContain(p => ClearbitSimulator.Coverage.Knows(p) && !ZoomInfoSimulator.Coverage.Knows(p));
        people.ShouldContain(p => !ClearbitSimulator.Coverage.Knows(p) && ZoomInfoSimulator.Coverage.Knows(p));
    }

    [Fact]
    public async Task Decisions_AreStableAcrossInstances()
    {
        var people = (await TestDataset.Shared).People.Take(500).ToList();
        var a = new ProviderCoverage("clearbit", 850, 950);
        var b = new ProviderCoverage("clearbit", 850, 950);

        people.Select(p => (a.Knows(p), a.Score(p, "accuracy", 75, 99), a.RefreshedAt(p.Index)))
            .ShouldBe(people.Select(p => (b.Knows(p), b.Score(p, "accuracy", 75, 99), b.RefreshedAt(p.Index))));
        people.Select(p => a.Score(p, "accuracy", 75, 99)).ShouldAllBe(score => score >= 75 && score <= 99);
    }

    internal static ProviderCoverage CoverageOf(string provider) => provider switch
    {
        "clearbit" => ClearbitSimulator.Coverage,
        "zoominfo" => ZoomInfoSimulator.Coverage,
        "apollo" => ApolloSimulator.Coverage,
        "hunter" => HunterSimulator.Coverage,
        "peopledatalabs" => PeopleDataLabsSimulator.Coverage,
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}
