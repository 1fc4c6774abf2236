using Tributary.Identifiers;

namespace Tributary.Tests.Identifiers;

public sealed class IdentifierOptionsValidatorTests
{
    private readonly IdentifierOptionsValidator _validator = new();

    [Theory]
    [InlineData("US")]
    [InlineData("gb")]
    [InlineData(" DE ")]
    public void Validate_WithKnownRegion_Succeeds(string region) =>
        _validator.Validate(null, new IdentifierOptions { DefaultRegion = region }).Succeeded.ShouldBeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("USA")]
    [InlineData("XX")]
    [InlineData("UK")]
    public void Validate_WithUnknownRegion_FailsNamingTheSetting(string region)
    {
        var result = _validator.Validate(null, new IdentifierOptions { DefaultRegion = region });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Identifiers:DefaultRegion");
    }

    [Fact]
    public void DefaultRegion_ByDefault_IsUS() =>
        new IdentifierOptions().DefaultRegion.ShouldBe("US");
}
