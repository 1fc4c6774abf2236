using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Merging;
using Tributary.Profiles;

namespace Tributary.Benchmarks;

/// <summary>
/// The engine's own CPU work per profile: normalise the caller's identifiers, then merge two providers' answers.
/// Target: ≤ 20 µs per profile.
/// </summary>
[MemoryDiagnoser]
public class NormalizeAndMergeBenchmark
{
    private static readonly DateTimeOffset Observed = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly IdentifierNormalizer _normalizer = new(Options.Create(new IdentifierOptions()));
    private readonly ProfileMerger _merger = new(Options.Create(new EnrichmentOptions { MinConfidence = new() { ["jobTitle"] = 0.8 } }));
    private readonly RawIdentifiers _raw = new(Email: "  Jane.Doe@Acme.com ", Phone: "(415) 222-0123", Name: "Jane Doe", Company: "Acme Inc");
    private RankedProfile[] _answers = [];

    [GlobalSetup]
    public void Setup()
    {
        var clearbit = new ProfileBuilder("clearbit", 0.95, Observed)
            .Set(ProfileFields.FullName, "Jane Doe").Set(ProfileFields.FirstName, "Jane").Set(ProfileFields.LastName, "Doe")
            .Set(ProfileFields.JobTitle, "VP of Engineering").Set(ProfileFields.Seniority, "vp").Set(ProfileFields.Department, "engineering")
            .Set(ProfileFields.LinkedInUrl, "https://linkedin.com/in/janedoe").Set(ProfileFields.City, "San Francisco").Set(ProfileFields.Country, "US")
            .Set(ProfileFields.CompanyName, "Acme Inc").Set(ProfileFields.CompanyDomain, "acme.com").Set(ProfileFields.Industry, "Software")
            .Set(ProfileFields.EmployeeCount, 500).Set(ProfileFields.TechStack, ["salesforce", "hubspot", "aws"]).Build();
        var zoominfo = new ProfileBuilder("zoominfo", 0.92, Observed)
            .Set(ProfileFields.FullName, "Jane Doe").Set(ProfileFields.Email, "jane.doe@acme.com").Set(ProfileFields.Phone, "+14152220123")
            .Set(ProfileFields.JobTitle, "Vice President, Engineering").Set(ProfileFields.Seniority, "vp").Set(ProfileFields.City, "San Francisco")
            .Set(ProfileFields.State, "California").Set(ProfileFields.Country, "US").Set(ProfileFields.CompanyName, "Acme")
            .Set(ProfileFields.EmployeeCount, 480).Set(ProfileFields.RevenueRange, "$50M-$100M").Build();
        _answers = [new RankedProfile(1, clearbit), new RankedProfile(2, zoominfo)];
    }

    [Benchmark(Baseline = true)]
    public IdentifierSet Normalize() => _normalizer.Normalize(_raw);

    [Benchmark]
    public Profile Merge() => _merger.Merge(_answers);

    [Benchmark]
    public Profile NormalizeAndMerge()
    {
        _normalizer.Normalize(_raw);
        return _merger.Merge(_answers);
    }
}
