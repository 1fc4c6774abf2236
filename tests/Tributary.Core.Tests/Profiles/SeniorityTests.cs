using Tributary.Profiles;

namespace Tributary.Tests.Profiles;

public sealed class SeniorityTests
{
    [Theory]
    [InlineData("executive", "VP Engineering", "vp")]
    [InlineData("executive", "Chief Executive Officer", "c_suite")]
    [InlineData("C-Level", null, "c_suite")]
    [InlineData("VP-Level", null, "vp")]
    [InlineData("Director", null, "director")]
    [InlineData("Non-Manager", null, "entry")]
    [InlineData(null, "Head of Sales", "director")]
    [InlineData(null, "Engineer", null)]
    public void Normalize_MapsProviderLevelsToOneVocabulary(string? level, string? title, string? expected) =>
        Seniority.Normalize(level, title).ShouldBe(expected);

    [Theory]
    [InlineData("United States", "US")]
    [InlineData("us", "US")]
    [InlineData("Germany", "DE")]
    [InlineData("Atlantis", "Atlantis")]
    public void Countries_ToCode_UsesIsoCodes(string name, string expected) => Countries.ToCode(name).ShouldBe(expected);
}
