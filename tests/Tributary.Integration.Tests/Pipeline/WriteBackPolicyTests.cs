using Microsoft.Extensions.Options;
using Tributary.Host.Crm;
using Tributary.Host.Flat;
using Tributary.Host.Pipeline;

namespace Tributary.IntegrationTests.Pipeline;

/// <summary>Which CRM values enrichment may write over: blanks by default, never a person's value.</summary>
public sealed class WriteBackPolicyTests
{
    private static readonly CrmFieldValue Blank = new(null, SetByPerson: false);
    private static readonly CrmFieldValue Integration = new("Engineer", SetByPerson: false);
    private static readonly CrmFieldValue Person = new("Chief Tinkerer", SetByPerson: true);

    /// <summary>A policy checked at start, on a gateway whose REST provider maps a custom <c>loyaltyTier</c>.</summary>
    private static ValidateOptionsResult Validate(string field, string policy) =>
        new WriteBackPolicyValidator(new FlatFields(["loyaltyTier"])).Validate(null, new PipelineOptions
        {
            WriteBack = new WriteBackOptions { Policy = new(StringComparer.OrdinalIgnoreCase) { [field] = policy } },
        });

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

    [Theory]
    [InlineData("jobTitle")]
    [InlineData("JOBTITLE")]
    [InlineData("loyaltyTier")]
    public void APolicyForAStandardOrCustomFlatField_IsAccepted(string field)
    {
        var result = Validate(field, "overwrite");

        result.Succeeded.ShouldBeTrue(result.FailureMessage);
    }

    [Theory]
    [InlineData("jobTittle")]
    [InlineData("Title")]
    public void APolicyForNoFlatField_IsRefusedNamingItsKey(string field)
    {
        var result = Validate(field, "overwrite");

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain($"Pipeline:WriteBack:Policy:{field}: '{field}' is not a flat field; the fields are name, ", Case.Sensitive);
        result.FailureMessage.ShouldContain("loyaltyTier", Case.Sensitive);
    }

    [Fact]
    public void AnUnknownPolicyName_IsRefusedWithTheSettingsName()
    {
        var error = Should.Throw<ArgumentException>(() => WriteBackPolicy.Parse("jobTitle", "sometimes"));

        error.Message.ShouldContain("Pipeline:WriteBack:Policy:jobTitle");
    }
}
