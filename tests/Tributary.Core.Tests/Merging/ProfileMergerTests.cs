using Microsoft.Extensions.Options;
using Tributary.Enrichment;
using Tributary.Merging;
using Tributary.Profiles;

namespace Tributary.Tests.Merging;

public sealed class ProfileMergerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static ProfileMerger Merger(Dictionary<string, double>? minimums = null) =>
        new(Options.Create(new EnrichmentOptions { MinConfidence = minimums ?? [] }));

    private static Profile From(string source, double confidence, Action<ProfileBuilder> fill)
    {
        var builder = new ProfileBuilder(source, confidence, Now);
        fill(builder);
        return builder.Build();
    }

    [Fact]
    public void Merge_TakesEachFieldFromTheProviderWithBetterPrecedence()
    {
        var clearbit = From("clearbit", 0.7, p => p.Set(ProfileFields.JobTitle, "VP Engineering").Set(ProfileFields.City, "San Francisco"));
        var zoominfo = From("zoominfo", 0.99, p => p.Set(ProfileFields.JobTitle, "Vice President, Engineering").Set(ProfileFields.Phone, "+14152220123"));

        var merged = Merger().Merge([new RankedProfile(0, clearbit), new RankedProfile(1, zoominfo)]);

        merged[ProfileFields.JobTitle]!.Source.ShouldBe("clearbit");
        merged.Text(ProfileFields.JobTitle).ShouldBe("VP Engineering");
        merged[ProfileFields.Phone]!.Source.ShouldBe("zoominfo");
        merged[ProfileFields.City]!.Source.ShouldBe("clearbit");
    }

    [Fact]
    public void Merge_WithEqualPrecedence_PrefersHigherConfidenceThenProviderName()
    {
        var a = From("bravo", 0.8, p => p.Set(ProfileFields.JobTitle, "CTO").Set(ProfileFields.City, "Austin"));
        var b = From("alpha", 0.9, p => p.Set(ProfileFields.JobTitle, "Chief Technology Officer"));
        var c = From("alpha", 0.8, p => p.Set(ProfileFields.City, "Dallas"));

        var merged = Merger().Merge([new RankedProfile(5, a), new RankedProfile(5, b), new RankedProfile(5, c)]);

        merged.Text(ProfileFields.JobTitle).ShouldBe("Chief Technology Officer");
        merged.Text(ProfileFields.City).ShouldBe("Dallas");
    }

    [Fact]
    public void Merge_IsIndependentOfArrivalOrder()
    {
        var a = From("clearbit", 0.9, p => p.Set(ProfileFields.JobTitle, "A").Set(ProfileFields.EmployeeCount, 10));
        var b = From("zoominfo", 0.9, p => p.Set(ProfileFields.JobTitle, "B").Set(ProfileFields.EmployeeCount, 20));

        var forward = Merger().Merge([new RankedProfile(1, a), new RankedProfile(1, b)]);
        var backward = Merger().Merge([new RankedProfile(1, b), new RankedProfile(1, a)]);

        forward.Text(ProfileFields.JobTitle).ShouldBe(backward.Text(ProfileFields.JobTitle));
        forward.Number(ProfileFields.EmployeeCount).ShouldBe(backward.Number(ProfileFields.EmployeeCount));
    }

    [Fact]
    public void Merge_IgnoresValuesBelowTheFieldsMinimumConfidence()
    {
        var weak = From("clearbit", 0.7, p => p.Set(ProfileFields.JobTitle, "Guessed title").Set(ProfileFields.City, "Paris"));
        var strong = From("zoominfo", 0.85, p => p.Set(ProfileFields.JobTitle, "Real title"));

        var merged = Merger(new() { ["jobTitle"] = 0.8 }).Merge([new RankedProfile(0, weak), new RankedProfile(1, strong)]);

        merged.Text(ProfileFields.JobTitle).ShouldBe("Real title");
        merged.Text(ProfileFields.City).ShouldBe("Paris");
    }

    [Fact]
    public void Merge_NeverReplacesAValueWithAnEmptyOne()
    {
        var blank = From("clearbit", 1, p => p.Set(ProfileFields.JobTitle, "   ").Set(ProfileFields.EmployeeCount, 0).Set(ProfileFields.TechStack, Array.Empty<string>()));
        var real = From("zoominfo", 0.5, p => p.Set(ProfileFields.JobTitle, "CFO").Set(ProfileFields.EmployeeCount, 120).Set(ProfileFields.TechStack, ["aws"]));

        var merged = Merger().Merge([new RankedProfile(0, blank), new RankedProfile(1, real)]);

        merged.Text(ProfileFields.JobTitle).ShouldBe("CFO");
        merged.Number(ProfileFields.EmployeeCount).ShouldBe(120);
        merged.List(ProfileFields.TechStack).ShouldBe(["aws"]);
    }

    [Fact]
    public void Merge_KeepsProvenanceOfEveryField()
    {
        var observed = Now.AddMinutes(-3);
        var builder = new ProfileBuilder("zoominfo", 0.96, observed).Set(ProfileFields.Phone, "+14152220123");

        var merged = Merger().Merge([new RankedProfile(0, builder.Build())]);

        merged[ProfileFields.Phone].ShouldBe(new FieldValue(ProfileValue.Text("+14152220123"), "zoominfo", 0.96, observed));
    }

    [Fact]
    public void Merge_CarriesCustomAttributes()
    {
        var crm = From("crm", 1, p => p.Set(ProfileFields.Custom("loyaltyTier"), "gold"));

        var merged = Merger().Merge([new RankedProfile(0, crm), new RankedProfile(1, From("clearbit", 1, p => p.Set(ProfileFields.City, "Oslo")))]);

        merged.Get("loyaltyTier")!.Value.AsText().ShouldBe("gold");
        merged.Definitions.Last().Section.ShouldBe(FieldSection.Custom);
    }
}
