using Tributary.Identifiers;

namespace Tributary.Tests.Identifiers;

public sealed class LinkedInNormalizationTests
{
    [Theory]
    [InlineData("linkedin.com/in/janedoe")]
    [InlineData("https://www.linkedin.com/in/JaneDoe/")]
    [InlineData("http://uk.linkedin.com/in/janedoe")]
    [InlineData("https://de.linkedin.com/in/janedoe/en")]
    [InlineData("https://m.linkedin.com/in/janedoe#about")]
    [InlineData("https://www.linkedin.com/in/janedoe?trk=public_profile_browsemap")]
    [InlineData("https://www.linkedin.com/in/janedoe/details/experience/")]
    [InlineData("  www.LinkedIn.com/IN/JANEDOE  ")]
    [InlineData("//linkedin.com/in/janedoe")]
    [InlineData("in/janedoe")]
    [InlineData("/in/janedoe/")]
    public void NormalizeLinkedIn_WithProfileVariants_ReturnsCanonicalUrl(string input) =>
        IdentifierNormalizer.NormalizeLinkedIn(input).ShouldBe("https://linkedin.com/in/janedoe");

    [Theory]
    [InlineData("https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa", "https://linkedin.com/in/josé-garcía")]
    [InlineData("https://es.linkedin.com/in/JOS%C3%89-GARC%C3%8DA/", "https://linkedin.com/in/josé-garcía")]
    [InlineData("https://www.linkedin.com/in/José-García", "https://linkedin.com/in/josé-garcía")]
    [InlineData("linkedin.com/in/jane-doe-4b2a1c9", "https://linkedin.com/in/jane-doe-4b2a1c9")]
    [InlineData("linkedin.com/in/jane_doe", "https://linkedin.com/in/jane_doe")]
    public void NormalizeLinkedIn_WithEncodedOrUnicodeSlug_ReturnsDecodedLowerCaseSlug(string input, string expected) =>
        IdentifierNormalizer.NormalizeLinkedIn(input).ShouldBe(expected);

    [Theory]
    [InlineData("https://www.linkedin.com/company/Acme-Inc/about/", "https://linkedin.com/company/acme-inc")]
    [InlineData("linkedin.com/company/booking.com", "https://linkedin.com/company/booking.com")]
    [InlineData("company/1441", "https://linkedin.com/company/1441")]
    public void NormalizeLinkedIn_WithCompanyPage_ReturnsCanonicalCompanyUrl(string input, string expected) =>
        IdentifierNormalizer.NormalizeLinkedIn(input).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("janedoe")]
    [InlineData("https://linkedin.com")]
    [InlineData("https://linkedin.com/")]
    [InlineData("https://linkedin.com/in")]
    [InlineData("https://linkedin.com/in/")]
    [InlineData("https://www.linkedin.com/feed/")]
    [InlineData("https://www.linkedin.com/pub/jane-doe/1/2/3")]
    [InlineData("https://www.linkedin.com/school/mit/")]
    [InlineData("https://notlinkedin.com/in/janedoe")]
    [InlineData("https://linkedin.com.example.com/in/janedoe")]
    [InlineData("https://a.b.linkedin.com/in/janedoe")]
    [InlineData("https://example.com/in/janedoe")]
    [InlineData("lnkd.in/abc123")]
    [InlineData("https://www.linkedin.com/in/jane%2Fdoe")]
    [InlineData("https://www.linkedin.com/in/jane doe")]
    [InlineData("https://www.linkedin.com/in/..")]
    [InlineData("https://www.linkedin.com/in/jane%zz")]
    public void NormalizeLinkedIn_WithAnythingElse_ThrowsOnLinkedInUrlField(string input) =>
        Should.Throw<InvalidIdentifierException>(() => IdentifierNormalizer.NormalizeLinkedIn(input))
            .Field.ShouldBe(IdentifierField.LinkedInUrl);

    [Fact]
    public void NormalizeLinkedIn_WithSlugOver100Characters_Throws() =>
        Should.Throw<InvalidIdentifierException>(() => IdentifierNormalizer.NormalizeLinkedIn("linkedin.com/in/" + new string('a', 101)));
}
