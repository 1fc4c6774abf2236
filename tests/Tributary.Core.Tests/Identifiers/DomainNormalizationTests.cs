using Tributary.Identifiers;

namespace Tributary.Tests.Identifiers;

public sealed class DomainNormalizationTests
{
    [Theory]
    [InlineData("acme.com", "acme.com")]
    [InlineData("  ACME.Com ", "acme.com")]
    [InlineData("acme.com.", "acme.com")]
    [InlineData("www.acme.co.uk", "acme.co.uk")]
    [InlineData("WWW.WWW.acme.com", "acme.com")]
    [InlineData("www.com", "www.com")]
    [InlineData("eng.acme.com", "eng.acme.com")]
    [InlineData("www2.acme.com", "www2.acme.com")]
    [InlineData("bücher.de", "xn--bcher-kva.de")]
    [InlineData("xn--bcher-kva.de", "xn--bcher-kva.de")]
    [InlineData("\uFEFFacme.com\u200B", "acme.com")]
    public void NormalizeDomain_WithBareDomain_ReturnsLowerCaseWithoutWww(string input, string expected) =>
        IdentifierNormalizer.NormalizeDomain(input).ShouldBe(expected);

    [Theory]
    [InlineData("https://www.Acme.com/about", "acme.com")]
    [InlineData("http://acme.com:8080/x?y=1#z", "acme.com")]
    [InlineData("HTTPS://ACME.COM", "acme.com")]
    [InlineData("//www.acme.com/", "acme.com")]
    [InlineData("acme.com/careers", "acme.com")]
    [InlineData("acme.com?ref=crm", "acme.com")]
    [InlineData("https://user:secret@acme.com/", "acme.com")]
    [InlineData("ftp://files.acme.com", "files.acme.com")]
    [InlineData("https://www.Bücher.de/über-uns", "xn--bcher-kva.de")]
    public void NormalizeDomain_WithUrl_ReturnsItsHost(string input, string expected) =>
        IdentifierNormalizer.NormalizeDomain(input).ShouldBe(expected);

    [Fact]
    public void NormalizeDomain_WithEmailAddress_ReturnsItsDomain() =>
        IdentifierNormalizer.NormalizeDomain("jane@Acme.com").ShouldBe("acme.com");

    [Theory]
    [InlineData("")]
    [InlineData("acme")]
    [InlineData("localhost")]
    [InlineData("https://")]
    [InlineData("https:///about")]
    [InlineData("acme..com")]
    [InlineData(".acme.com")]
    [InlineData("-acme.com")]
    [InlineData("acme-.com")]
    [InlineData("acme.c")]
    [InlineData("acme.123")]
    [InlineData("192.168.0.1")]
    [InlineData("http://[::1]/")]
    [InlineData("acme com")]
    [InlineData("acme_co.com")]
    [InlineData("acme.com:https")]
    [InlineData("acme\u200B.com")]
    [InlineData("bü\u202Echer.de")]
    public void NormalizeDomain_WithoutAPublicHostName_ThrowsOnDomainField(string input) =>
        Should.Throw<InvalidIdentifierException>(() => IdentifierNormalizer.NormalizeDomain(input))
            .Field.ShouldBe(IdentifierField.Domain);

    [Fact]
    public void NormalizeDomain_WithLabelOf64Characters_Throws() =>
        Should.Throw<InvalidIdentifierException>(() => IdentifierNormalizer.NormalizeDomain(new string('a', 64) + ".com"));
}
