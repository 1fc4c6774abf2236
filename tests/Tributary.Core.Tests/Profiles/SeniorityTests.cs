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
    [InlineData("  C-LEVEL ", "c_suite")]
    [InlineData("c level", "c_suite")]
    [InlineData("c_level", "c_suite")]
    [InlineData("VP - Level", "vp")]
    [InlineData("vice-president", "vp")]
    [InlineData("NON MANAGER", "entry")]
    [InlineData("Entry-Level", "entry")]
    [InlineData("Director-Level", "director")]
    public void Normalize_IgnoresCaseSpacesAndHyphens(string level, string expected) => Seniority.Normalize(level).ShouldBe(expected);

    [Theory]
    [InlineData("board of wizards", null, null)]
    [InlineData("c", null, null)]
    [InlineData("---", null, null)]
    [InlineData("board of wizards", "Chief Wizard", "c_suite")]
    public void Normalize_AnUnknownLevel_GivesWayToTheTitle_ElseEmpty(string level, string? title, string? expected) =>
        Seniority.Normalize(level, title).ShouldBe(expected);

    [Fact]
    public void MostSenior_PicksTheHighestKnownLevel()
    {
        Seniority.MostSenior(["Non-Manager", "VP-Level", "nonsense"]).ShouldBe("vp");
        Seniority.MostSenior([null, " "], "Head of Sales").ShouldBe("director");
        Seniority.MostSenior(null).ShouldBeNull();
    }

    [Theory]
    [InlineData("United States", "US")]
    [InlineData("us", "US")]
    [InlineData("Germany", "DE")]
    [InlineData("Atlantis", "Atlantis")]
    public void Countries_ToCode_UsesIsoCodes(string name, string expected) => Countries.ToCode(name).ShouldBe(expected);
}
