using Tributary.Host.Crm;
using Tributary.Host.Pipeline;

namespace Tributary.IntegrationTests.Pipeline;

/// <summary>Which CRM values enrichment may write over: blanks by default, never a person's value.</summary>
public sealed class WriteBackPolicyTests
{
    private static readonly CrmFieldValue Blank = new(null, SetByPerson: false);
    private static readonly CrmFieldValue Integration = new("Engineer", SetByPerson: false);
    private static readonly CrmFieldValue Person = new("Chief Tinkerer", SetByPerson: true);

    private static WriteBackPolicy Policy(string? overwrite = null, params string[] protectedFields) => new(new WriteBackOptions
    {
        Policy = overwrite is null ? [] : new(StringComparer.OrdinalIgnoreCase) { [overwrite] = "overwrite", ["industry"] = "never" },
        Protected = [.. protectedFields],
    });

    [Fact]
    public void FillBlank_IsTheDefault_WritesBlanksOnly()
    {
        var policy = Policy();

        policy.For("jobTitle").ShouldBe(FieldPolicy.FillBlank);
        policy.ShouldWrite("jobTitle", "jobtitle", Blank, "VP of Engineering").ShouldBeTrue();
        policy.ShouldWrite("jobTitle", "jobtitle", new CrmFieldValue("  ", false), "VP of Engineering").ShouldBeTrue();
        policy.ShouldWrite("jobTitle", "jobtitle", Integration, "VP of Engineering").ShouldBeFalse();
        policy.ShouldWrite("jobTitle", "jobtitle", Blank, "").ShouldBeFalse();
    }

    [Fact]
    public void Overwrite_ReplacesAnIntegrationValue_ButNeverAPersonsValue_NorAProtectedField()
    {
        var policy = Policy("jobTitle", "Title");

        policy.ShouldWrite("jobTitle", "jobtitle", Integration, "VP of Engineering").ShouldBeTrue();
        policy.ShouldWrite("jobTitle", "jobtitle", Integration, "engineer").ShouldBeFalse();
        policy.ShouldWrite("jobTitle", "jobtitle", Person, "VP of Engineering").ShouldBeFalse();
        policy.ShouldWrite("jobTitle", "Title", Integration, "VP of Engineering").ShouldBeFalse();
        policy.ShouldWrite("jobTitle", "Title", Blank, "VP of Engineering").ShouldBeTrue();
    }

    [Fact]
    public void Never_WritesNothing_AndABlankAPersonMade_StaysBlank()
    {
        var policy = Policy("jobTitle");

        policy.ShouldWrite("industry", "industry", Blank, "Software").ShouldBeFalse();
        policy.ShouldWrite("city", "city", new CrmFieldValue("", SetByPerson: true), "San Francisco").ShouldBeFalse();
    }

    [Fact]
    public void AnUnknownPolicyName_IsRefusedWithTheSettingsName()
    {
        var error = Should.Throw<ArgumentException>(() => WriteBackPolicy.Parse("jobTitle", "sometimes"));

        error.Message.ShouldContain("Pipeline:WriteBack:Policy:jobTitle");
    }
}
