using Tributary.Caching;
using Tributary.Enrichment;
using Tributary.Profiles;

namespace Tributary.Tests.Caching;

public sealed class CacheEntryJsonTests
{
    [Fact]
    public void RoundTrip_KeepsValuesKindsAndProvenance()
    {
        var observed = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var profile = new ProfileBuilder("clearbit", 0.95, observed)
            .Set(ProfileFields.JobTitle, "VP of Engineering")
            .Set(ProfileFields.EmployeeCount, 500)
            .Set(ProfileFields.TechStack, ["aws", "hubspot"])
            .Set(ProfileFields.Custom("loyaltyTier"), "gold", confidence: 0.5)
            .Build();
        var entry = new CacheEntry(ProviderStatus.Matched, profile, 0.95, observed, observed.AddDays(90));

        var read = CacheEntryJson.Read(CacheEntryJson.ToBytes(entry));

        read.Status.ShouldBe(ProviderStatus.Matched);
        read.ExpiresAt.ShouldBe(entry.ExpiresAt);
        read.Profile.Count.ShouldBe(4);
        read.Profile.Number(ProfileFields.EmployeeCount).ShouldBe(500);
        read.Profile.List(ProfileFields.TechStack).ShouldBe(["aws", "hubspot"]);
        read.Profile.Get("loyaltyTier").ShouldBe(new FieldValue(ProfileValue.Text("gold"), "clearbit", 0.5, observed));
    }

    [Fact]
    public void RoundTrip_OfNoMatch_HasNoFields()
    {
        var at = DateTimeOffset.UnixEpoch;
        var read = CacheEntryJson.Read(CacheEntryJson.ToBytes(new CacheEntry(ProviderStatus.NoMatch, Profile.Empty, 0, at, at.AddDays(7))));

        read.Status.ShouldBe(ProviderStatus.NoMatch);
        read.Profile.IsEmpty.ShouldBeTrue();
    }
}
