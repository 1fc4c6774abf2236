using Tributary.Profiles;

namespace Tributary.Tests.Profiles;

public sealed class ValueVocabularyTests
{
    [Theory]
    [InlineData("Engineering & Technical", "engineering")]
    [InlineData("engineering", "engineering")]
    [InlineData("human_resources", "hr")]
    [InlineData("Information Technology", "it")]
    [InlineData("C-Suite", "executive")]
    [InlineData("master_sales", "sales")]
    public void Departments_Normalize_UsesOneVocabulary(string raw, string expected) => Departments.Normalize(raw).ShouldBe(expected);

    [Theory]
    [InlineData("$50 mil. - $100 mil.", "$50M-$100M")]
    [InlineData("$50M-$100M", "$50M-$100M")]
    [InlineData("$1 bil.+", "$1B+")]
    [InlineData("$500K - $1M", "$500K-$1M")]
    [InlineData("Unknown", "Unknown")]
    public void RevenueRanges_Normalize_WritesRangesOneWay(string raw, string expected) => RevenueRanges.Normalize(raw).ShouldBe(expected);

    [Theory]
    [InlineData("(415) 222-0123", null, "+14152220123")]
    [InlineData("+44 20 7946 0018", "US", "+442079460018")]
    [InlineData("020 7946 0018", "GB", "+442079460018")]
    [InlineData("not a phone", null, "not a phone")]
    public void PhoneFormat_ToE164_NormalisesWhatParses(string raw, string? country, string expected) => PhoneFormat.ToE164(raw, country).ShouldBe(expected);
}
