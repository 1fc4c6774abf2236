using Tributary.Connectors;

namespace Tributary.IntegrationTests.Connectors;

public sealed class ProviderValuesTests
{
    [Theory]
    [InlineData("jane doe", "Jane Doe")]
    [InlineData("vp of engineering", "VP of Engineering")]
    [InlineData("head of it", "Head of IT")]
    [InlineData("information technology & services", "Information Technology & Services")]
    [InlineData("mary-jane o'brien", "Mary-Jane O'Brien")]
    [InlineData("the acme company llc", "The Acme Company LLC")]
    [InlineData("McDonald's", "McDonald's")]
    [InlineData("  san francisco ", "San Francisco")]
    public void TitleCase_CapitalisesLowerCasedProviderText(string text, string expected) =>
        ProviderValues.TitleCase(text).ShouldBe(expected);

    [Theory]
    [InlineData("linkedin.com/in/janedoe", "https://linkedin.com/in/janedoe")]
    [InlineData("http://www.linkedin.com/in/JaneDoe/", "https://linkedin.com/in/janedoe")]
    [InlineData("in/janedoe", "https://linkedin.com/in/janedoe")]
    [InlineData("company/acme", "https://linkedin.com/company/acme")]
    [InlineData("https://twitter.com/janedoe", null)]
    [InlineData("", null)]
    public void LinkedIn_IsCanonicalOrAbsent(string url, string? expected) => ProviderValues.LinkedIn(url).ShouldBe(expected);

    [Theory]
    [InlineData("http://www.Acme.com/about", "acme.com")]
    [InlineData("acme.com", "acme.com")]
    [InlineData("https://acme.com:8443", "acme.com")]
    [InlineData(" ", null)]
    public void Domain_IsTheBareHost(string website, string? expected) => ProviderValues.Domain(website).ShouldBe(expected);
}
