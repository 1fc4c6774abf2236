using Tributary.Identifiers;

namespace Tributary.Tests.Identifiers;

public sealed class NameNormalizationTests
{
    private readonly IdentifierNormalizer _normalizer = TestNormalizer.Create();

    [Theory]
    [InlineData("  Mary   Ann\tSmith ", "Mary Ann", "Smith", "Mary Ann Smith")]
    [InlineData("Jane Doe", "Jane", "Doe", "Jane Doe")]
    [InlineData("Jane\u00A0\r\nDoe", "Jane", "Doe", "Jane Doe")]
    [InlineData("Cher", "Cher", null, "Cher")]
    public void Normalize_WithOnlyFullName_SplitsAtLastSpace(string name, string first, string? last, string full)
    {
        var set = _normalizer.Normalize(new RawIdentifiers(Name: name));

        set.FirstName.ShouldBe(first);
        set.LastName.ShouldBe(last);
        set.FullName.ShouldBe(full);
    }

    [Theory]
    [InlineData(" Jane ", " Doe", "Jane Doe")]
    [InlineData("Mary  Ann", "Smith", "Mary Ann Smith")]
    [InlineData(null, "Doe", "Doe")]
    [InlineData("Jane", null, "Jane")]
    public void Normalize_WithOnlyFirstAndLastName_BuildsFullName(string? first, string? last, string full) =>
        _normalizer.Normalize(new RawIdentifiers(FirstName: first, LastName: last)).FullName.ShouldBe(full);

    [Fact]
    public void Normalize_WithAllNameParts_KeepsThemAsGiven()
    {
        var set = _normalizer.Normalize(new RawIdentifiers(Name: "Ludwig van Beethoven", FirstName: "Ludwig", LastName: "van Beethoven"));

        set.FirstName.ShouldBe("Ludwig");
        set.LastName.ShouldBe("van Beethoven");
        set.FullName.ShouldBe("Ludwig van Beethoven");
    }

    [Fact]
    public void Normalize_WithFullNameAndFirstName_DoesNotGuessLastName()
    {
        var set = _normalizer.Normalize(new RawIdentifiers(Name: "Mary Ann Smith", FirstName: "Mary Ann"));

        set.FirstName.ShouldBe("Mary Ann");
        set.LastName.ShouldBeNull();
        set.FullName.ShouldBe("Mary Ann Smith");
    }

    [Theory]
    [InlineData("  Acme\u00A0  Inc. ", "Acme Inc.")]
    [InlineData("Acme\tGmbH\n& Co. KG", "Acme GmbH & Co. KG")]
    [InlineData("   ", null)]
    public void Normalize_WithCompany_TrimsAndCollapsesWhitespace(string company, string? expected) =>
        _normalizer.Normalize(new RawIdentifiers(Company: company)).Company.ShouldBe(expected);

    [Theory]
    [InlineData("Jane\u0000Doe", null, IdentifierField.Name)]
    [InlineData("Jane\u001BDoe", null, IdentifierField.Name)]
    [InlineData(null, "Acme\u0007", IdentifierField.Company)]
    public void Normalize_WithControlCharacters_ThrowsOnThatField(string? name, string? company, string field) =>
        Should.Throw<InvalidIdentifierException>(() => _normalizer.Normalize(new RawIdentifiers(Name: name, Company: company)))
            .Field.ShouldBe(field);

    [Fact]
    public void Normalize_WithNameOver256Characters_ThrowsOnNameField() =>
        Should.Throw<InvalidIdentifierException>(() => _normalizer.Normalize(new RawIdentifiers(LastName: new string('x', 257))))
            .Field.ShouldBe(IdentifierField.Name);

    [Fact]
    public void Normalize_WithLongRunsOfWhitespace_CountsTheCollapsedLength() =>
        _normalizer.Normalize(new RawIdentifiers(Company: "Acme" + new string(' ', 1000) + "Inc")).Company.ShouldBe("Acme Inc");
}
