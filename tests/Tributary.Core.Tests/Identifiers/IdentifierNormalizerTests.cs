using Tributary.Identifiers;

namespace Tributary.Tests.Identifiers;

public sealed class IdentifierNormalizerTests
{
    private readonly IdentifierNormalizer _normalizer = TestNormalizer.Create();

    [Fact]
    public void Normalize_WithEveryField_NormalisesEach()
    {
        var set = _normalizer.Normalize(new RawIdentifiers(
            Email: " Jane.Doe@Acme.com ",
            Phone: "(415) 555-2671",
            Domain: "https://www.acme.com/about",
            Name: "Jane  Doe",
            Company: " Acme ",
            LinkedInUrl: "https://www.linkedin.com/in/JaneDoe/"));

        set.ShouldBe(new IdentifierSet
        {
            Email = "jane.doe@acme.com",
            Phone = "+14155552671",
            Domain = "acme.com",
            LinkedInUrl = "https://linkedin.com/in/janedoe",
            FirstName = "Jane",
            LastName = "Doe",
            FullName = "Jane Doe",
            Company = "Acme",
        });
    }

    [Fact]
    public void Normalize_WithNoFields_ReturnsEmptySet() =>
        _normalizer.Normalize(new RawIdentifiers()).IsEmpty.ShouldBeTrue();

    [Fact]
    public void Normalize_WithOnlyWhitespaceFields_ReturnsEmptySet()
    {
        var set = _normalizer.Normalize(new RawIdentifiers(" ", "\t", "  ", " ", " ", " ", " ", " "));

        set.IsEmpty.ShouldBeTrue();
        set.ShouldBe(new IdentifierSet());
    }

    [Fact]
    public void Normalize_WithNameButNoCompany_IsEmpty() =>
        _normalizer.Normalize(new RawIdentifiers(Name: "Jane Doe")).IsEmpty.ShouldBeTrue();

    [Fact]
    public void Normalize_WithNameAndCompany_IsNotEmpty() =>
        _normalizer.Normalize(new RawIdentifiers(Name: "Jane Doe", Company: "Acme")).IsEmpty.ShouldBeFalse();

    [Theory]
    [InlineData("jane@Acme.com", "acme.com")]
    [InlineData("jane@eng.acme.co.uk", "eng.acme.co.uk")]
    [InlineData("jane@www.acme.com", "acme.com")]
    [InlineData("jose@bücher.de", "xn--bcher-kva.de")]
    public void Normalize_WithCompanyEmailAndNoDomain_DerivesDomainFromEmail(string email, string domain) =>
        _normalizer.Normalize(new RawIdentifiers(Email: email)).Domain.ShouldBe(domain);

    [Theory]
    [InlineData("jane@gmail.com")]
    [InlineData("jane@GoogleMail.com")]
    [InlineData("jane@outlook.com")]
    [InlineData("jane@hotmail.fr")]
    [InlineData("jane@yahoo.co.uk")]
    [InlineData("jane@icloud.com")]
    [InlineData("jane@proton.me")]
    [InlineData("jane@web.de")]
    [InlineData("jane@qq.com")]
    public void Normalize_WithFreeMailEmail_DoesNotDeriveDomain(string email) =>
        _normalizer.Normalize(new RawIdentifiers(Email: email)).Domain.ShouldBeNull();

    [Theory]
    [InlineData("jane@mailinator.com")]
    [InlineData("jane@guerrillamail.com")]
    [InlineData("jane@yopmail.com")]
    [InlineData("jane@10minutemail.com")]
    [InlineData("jane@eu.mailinator.com")]
    public void Normalize_WithDisposableEmail_DoesNotDeriveDomain(string email) =>
        _normalizer.Normalize(new RawIdentifiers(Email: email)).Domain.ShouldBeNull();

    [Fact]
    public void Normalize_WithDomainAndEmail_UsesTheGivenDomain() =>
        _normalizer.Normalize(new RawIdentifiers(Email: "jane@acme-mail.com", Domain: "acme.com")).Domain.ShouldBe("acme.com");

    [Fact]
    public void Normalize_WithFreeMailDomainGivenExplicitly_KeepsIt() =>
        _normalizer.Normalize(new RawIdentifiers(Domain: "gmail.com")).Domain.ShouldBe("gmail.com");

    [Theory]
    [InlineData(IdentifierField.Email, "not-an-email")]
    [InlineData(IdentifierField.Phone, "12")]
    [InlineData(IdentifierField.Domain, "localhost")]
    [InlineData(IdentifierField.LinkedInUrl, "https://example.com/in/jane")]
    [InlineData(IdentifierField.Name, "Jane\u0000")]
    [InlineData(IdentifierField.Company, "Acme\u0000")]
    public void Normalize_WithOneInvalidField_ThrowsOnThatFieldWithoutTheValue(string field, string value)
    {
        var raw = field switch
        {
            IdentifierField.Email => new RawIdentifiers(Email: value),
            IdentifierField.Phone => new RawIdentifiers(Phone: value),
            IdentifierField.Domain => new RawIdentifiers(Domain: value),
            IdentifierField.LinkedInUrl => new RawIdentifiers(LinkedInUrl: value),
            IdentifierField.Name => new RawIdentifiers(Name: value),
            _ => new RawIdentifiers(Company: value),
        };

        var error = Should.Throw<InvalidIdentifierException>(() => _normalizer.Normalize(raw));

        error.Field.ShouldBe(field);
        error.Message.ShouldNotContain(value.TrimEnd('\u0000'));
    }
}
