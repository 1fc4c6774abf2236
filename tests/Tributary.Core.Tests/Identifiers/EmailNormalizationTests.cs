using Tributary.Identifiers;

namespace Tributary.Tests.Identifiers;

public sealed class EmailNormalizationTests
{
    [Theory]
    [InlineData("  Jane.Doe@Example.COM ", "jane.doe@example.com")]
    [InlineData("\tJANE@EXAMPLE.COM\r\n", "jane@example.com")]
    [InlineData("\u00A0jane@example.com\u00A0", "jane@example.com")]
    [InlineData("O'Brien@Example.ie", "o'brien@example.ie")]
    [InlineData("\uFEFFbob.smith@globex.com", "bob.smith@globex.com")]
    [InlineData("bob.smith@globex.com\u200B", "bob.smith@globex.com")]
    [InlineData("\u200E bob.smith@globex.com \u2060", "bob.smith@globex.com")]
    public void NormalizeEmail_WithUpperCaseAndSpaces_ReturnsLowerCaseTrimmed(string input, string expected) =>
        IdentifierNormalizer.NormalizeEmail(input).ShouldBe(expected);

    [Theory]
    [InlineData("josé@bücher.de", "josé@xn--bcher-kva.de")]
    [InlineData("JOSÉ@BÜCHER.DE", "josé@xn--bcher-kva.de")]
    [InlineData("info@münchen.de", "info@xn--mnchen-3ya.de")]
    [InlineData("jose@xn--bcher-kva.de", "jose@xn--bcher-kva.de")]
    [InlineData("user@例え.jp", "user@xn--r8jz45g.jp")]
    public void NormalizeEmail_WithInternationalDomain_ReturnsPunycodeDomain(string input, string expected) =>
        IdentifierNormalizer.NormalizeEmail(input).ShouldBe(expected);

    [Theory]
    [InlineData("jane+newsletter@example.com", "jane+newsletter@example.com")]
    [InlineData("Jane.Doe+CRM@Gmail.com", "jane.doe+crm@gmail.com")]
    [InlineData("j.a.n.e@gmail.com", "j.a.n.e@gmail.com")]
    public void NormalizeEmail_WithPlusTagOrGmailDots_KeepsThem(string input, string expected) =>
        IdentifierNormalizer.NormalizeEmail(input).ShouldBe(expected);

    [Fact]
    public void NormalizeEmail_WithTrailingDotOnDomain_DropsIt() =>
        IdentifierNormalizer.NormalizeEmail("jane@example.com.").ShouldBe("jane@example.com");

    [Theory]
    [InlineData("")]
    [InlineData("jane")]
    [InlineData("jane@")]
    [InlineData("@example.com")]
    [InlineData("jane@@example.com")]
    [InlineData("ja@ne@example.com")]
    [InlineData("jane doe@example.com")]
    [InlineData("jane@exam ple.com")]
    [InlineData("jane..doe@example.com")]
    [InlineData(".jane@example.com")]
    [InlineData("jane.@example.com")]
    [InlineData("jane@example")]
    [InlineData("jane@example..com")]
    [InlineData("jane@.example.com")]
    [InlineData("jane@-example.com")]
    [InlineData("jane@example-.com")]
    [InlineData("jane@exam_ple.com")]
    [InlineData("jane@example.c")]
    [InlineData("jane@example.c0m")]
    [InlineData("jane@192.168.0.1")]
    [InlineData("jane@[192.168.0.1]")]
    [InlineData("Jane Doe <jane@example.com>")]
    [InlineData("<jane@example.com>")]
    [InlineData("\"jane\"@example.com")]
    [InlineData("jane(work)@example.com")]
    [InlineData("bo\u202Eb.smith@globex.com")]
    [InlineData("bob.smith@globex\u200B.com")]
    [InlineData("bob\u00ADsmith@globex.com")]
    [InlineData("bob.smith@glo\u200Dbex.com")]
    [InlineData("mailto:jane@example.com")]
    [InlineData("jane@example.com,bob@example.com")]
    public void NormalizeEmail_WithMalformedAddress_ThrowsOnEmailField(string input) =>
        Should.Throw<InvalidIdentifierException>(() => IdentifierNormalizer.NormalizeEmail(input))
            .Field.ShouldBe(IdentifierField.Email);

    [Fact]
    public void NormalizeEmail_WithLocalPartOf64Characters_IsAccepted() =>
        IdentifierNormalizer.NormalizeEmail(new string('a', 64) + "@example.com").Length.ShouldBe(76);

    [Fact]
    public void NormalizeEmail_WithLocalPartOf65Characters_Throws() =>
        Should.Throw<InvalidIdentifierException>(() => IdentifierNormalizer.NormalizeEmail(new string('a', 65) + "@example.com"));

    [Fact]
    public void NormalizeEmail_With254Characters_IsAccepted()
    {
        var email = AddressOfLength(254);

        IdentifierNormalizer.NormalizeEmail(email).ShouldBe(email);
    }

    [Fact]
    public void NormalizeEmail_With255Characters_Throws() =>
        Should.Throw<InvalidIdentifierException>(() => IdentifierNormalizer.NormalizeEmail(AddressOfLength(255)))
            .Field.ShouldBe(IdentifierField.Email);

    [Fact]
    public void NormalizeEmail_WhenInvalid_DoesNotEchoTheValueInTheMessage()
    {
        var error = Should.Throw<InvalidIdentifierException>(() => IdentifierNormalizer.NormalizeEmail("secret.person@@example.com"));

        error.Message.ShouldNotContain("secret", Case.Insensitive);
        error.Message.ShouldNotContain("example", Case.Insensitive);
    }

    // A 64-character local part, then 63-character labels up to the length asked for, ending in ".com".
    private static string AddressOfLength(int length)
    {
        var labels = new List<string>();
        var remaining = length - "@".Length - 64 - ".com".Length;
        while (remaining > 63)
        {
            labels.Add(new string('b', 63));
            remaining -= 64;
        }

        labels.Add(new string('c', remaining));
        var address = $"{new string('a', 64)}@{string.Join('.', labels)}.com";
        address.Length.ShouldBe(length);
        return address;
    }
}
