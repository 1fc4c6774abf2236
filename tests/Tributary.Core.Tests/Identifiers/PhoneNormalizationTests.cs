using Tributary.Identifiers;

namespace Tributary.Tests.Identifiers;

public sealed class PhoneNormalizationTests
{
    [Theory]
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    [InlineData("415.555.2671", "US", "+14155552671")]
    [InlineData("1-415-555-2671", "US", "+14155552671")]
    [InlineData(" 212-555-0100 ", "CA", "+12125550100")]
    [InlineData("020 7946 0958", "GB", "+442079460958")]
    [InlineData("030 901820", "DE", "+4930901820")]
    [InlineData("06 12 34 56 78", "FR", "+33612345678")]
    [InlineData("06 6982 1234", "IT", "+390669821234")]
    [InlineData("090-1234-5678", "JP", "+819012345678")]
    [InlineData("0412 345 678", "AU", "+61412345678")]
    [InlineData("(02) 9374 4000", "AU", "+61293744000")]
    [InlineData("98765 43210", "IN", "+919876543210")]
    public void NormalizePhone_WithNationalFormat_UsesDefaultRegion(string input, string region, string expected) =>
        TestNormalizer.Create(region).NormalizePhone(input).ShouldBe(expected);

    [Theory]
    [InlineData("+1 415 555 2671", "GB", "+14155552671")]
    [InlineData("+44 (0)20 7946 0958", "US", "+442079460958")]
    [InlineData("+49 30 901820", "US", "+4930901820")]
    [InlineData("+33 6 12 34 56 78", "US", "+33612345678")]
    [InlineData("+55 11 91234-5678", "US", "+5511912345678")]
    [InlineData("+86 138 0013 8000", "DE", "+8613800138000")]
    [InlineData("+7 912 345-67-89", "US", "+79123456789")]
    [InlineData("+27 82 123 4567", "US", "+27821234567")]
    [InlineData("+14155552671", "US", "+14155552671")]
    public void NormalizePhone_WithPlusPrefix_IgnoresDefaultRegion(string input, string region, string expected) =>
        TestNormalizer.Create(region).NormalizePhone(input).ShouldBe(expected);

    [Theory]
    [InlineData("0044 20 7946 0958", "US", "+442079460958")]
    [InlineData("0049 30 901820", "US", "+4930901820")]
    [InlineData("0044 20 7946 0958", "GB", "+442079460958")]
    [InlineData("011 44 20 7946 0958", "US", "+442079460958")]
    [InlineData("0011 44 20 7946 0958", "AU", "+442079460958")]
    public void NormalizePhone_WithInternationalDialPrefix_ReadsCountryCode(string input, string region, string expected) =>
        TestNormalizer.Create(region).NormalizePhone(input).ShouldBe(expected);

    [Theory]
    [InlineData("+1 415 555 2671 ext. 123")]
    [InlineData("(415) 555-2671 x99")]
    [InlineData("415-555-2671 extension 7")]
    [InlineData("tel:+1-415-555-2671")]
    [InlineData("sip:+14155552671@10.0.0.1")]
    [InlineData("SIPS:+14155552671@carrier.example;user=phone")]
    [InlineData(" tel:4155552671;phone-context=+1 ")]
    public void NormalizePhone_WithExtensionOrTelephoneUri_ReturnsTheLineOnly(string input) =>
        TestNormalizer.Create().NormalizePhone(input).ShouldBe("+14155552671");

    [Fact]
    public void NormalizePhone_WithVanityLetters_ConvertsThemToDigits() =>
        TestNormalizer.Create().NormalizePhone("1-800-FLOWERS").ShouldBe("+18003569377");

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12")]
    [InlineData("00")]
    [InlineData("(415) 555-267")]
    [InlineData("+44 20 7946")]
    [InlineData("+999 1234567")]
    [InlineData("123456789012345678")]
    public void NormalizePhone_WithInvalidNumber_ThrowsOnPhoneField(string input) =>
        Should.Throw<InvalidIdentifierException>(() => TestNormalizer.Create().NormalizePhone(input))
            .Field.ShouldBe(IdentifierField.Phone);

    /// <summary>A number of the right length parses, though no carrier has its range (fictional and test ranges, new ones).</summary>
    [Theory]
    [InlineData("+1 555 555 5555", "+15555555555")]
    [InlineData("5555551234", "+15555551234")]
    [InlineData("+44 7700 900123", "+447700900123")]
    public void NormalizePhone_OfAnUnassignedRange_IsStillANumber(string input, string expected) =>
        TestNormalizer.Create().NormalizePhone(input).ShouldBe(expected);

    [Fact]
    public void NormalizePhone_WithLowerCaseRegionInOptions_ReadsItAsTheRegion() =>
        TestNormalizer.Create("gb").NormalizePhone("020 7946 0958").ShouldBe("+442079460958");

    [Fact]
    public void NormalizePhone_WhenInvalid_NamesTheRegionButNotTheValue()
    {
        var error = Should.Throw<InvalidIdentifierException>(() => TestNormalizer.Create("DE").NormalizePhone("999"));

        error.Message.ShouldContain("DE");
        error.Message.ShouldNotContain("999");
    }
}
