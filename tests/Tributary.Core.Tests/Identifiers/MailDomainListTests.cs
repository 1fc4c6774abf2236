using Tributary.Identifiers;

namespace Tributary.Tests.Identifiers;

public sealed class MailDomainListTests
{
    private const string FreeMailResource = "Tributary.Identifiers.free-mail-domains.txt";
    private const string DisposableResource = "Tributary.Identifiers.disposable-domains.txt";

    [Theory]
    [InlineData("gmail.com")]
    [InlineData("outlook.com")]
    [InlineData("hotmail.co.uk")]
    [InlineData("yahoo.com")]
    [InlineData("yahoo.fr")]
    [InlineData("icloud.com")]
    [InlineData("gmx.de")]
    [InlineData("mail.ru")]
    [InlineData("GMAIL.COM")]
    public void IsFreeMail_WithWellKnownProvider_ReturnsTrue(string domain) =>
        IdentifierNormalizer.IsFreeMail(domain).ShouldBeTrue();

    [Theory]
    [InlineData("acme.com")]
    [InlineData("google.com")]
    [InlineData("microsoft.com")]
    [InlineData("yahooinc.com")]
    [InlineData("com")]
    [InlineData("")]
    public void IsFreeMail_WithCompanyDomain_ReturnsFalse(string domain) =>
        IdentifierNormalizer.IsFreeMail(domain).ShouldBeFalse();

    [Theory]
    [InlineData("mailinator.com")]
    [InlineData("guerrillamail.com")]
    [InlineData("yopmail.com")]
    [InlineData("10minutemail.com")]
    [InlineData("temp-mail.org")]
    [InlineData("eu.mailinator.com")]
    [InlineData("a.b.sharklasers.com")]
    public void IsDisposable_WithListedDomainOrSubdomain_ReturnsTrue(string domain) =>
        IdentifierNormalizer.IsDisposable(domain).ShouldBeTrue();

    [Theory]
    [InlineData("gmail.com")]
    [InlineData("acme.com")]
    [InlineData("xmailinator.com")]
    [InlineData("mailinator.com.acme.com")]
    public void IsDisposable_WithOtherDomain_ReturnsFalse(string domain) =>
        IdentifierNormalizer.IsDisposable(domain).ShouldBeFalse();

    [Theory]
    [InlineData(FreeMailResource, 300)]
    [InlineData(DisposableResource, 300)]
    public void EmbeddedList_HasSeveralHundredDomains(string resource, int atLeast) =>
        MailDomainList.FromResource(resource).Domains.Count.ShouldBeGreaterThanOrEqualTo(atLeast);

    [Theory]
    [InlineData(FreeMailResource)]
    [InlineData(DisposableResource)]
    public void EmbeddedList_EveryEntryIsANormalisedDomain(string resource)
    {
        foreach (var entry in EntriesOf(resource))
        {
            IdentifierNormalizer.NormalizeDomain(entry).ShouldBe(entry, $"entry '{entry}' of {resource}");
        }
    }

    [Theory]
    [InlineData(FreeMailResource)]
    [InlineData(DisposableResource)]
    public void EmbeddedList_IsSortedWithoutDuplicates(string resource)
    {
        var entries = EntriesOf(resource);

        entries.ShouldBe(entries.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void EmbeddedLists_DoNotOverlap() =>
        EntriesOf(FreeMailResource).Intersect(EntriesOf(DisposableResource), StringComparer.Ordinal).ShouldBeEmpty();

    [Fact]
    public void Parse_SkipsCommentsAndBlankLines()
    {
        using var reader = new StringReader("# header\n\nexample.org\n  Example.NET  # trailing comment\n#example.com\n");

        var list = MailDomainList.Parse(reader);

        list.Domains.Count.ShouldBe(2);
        list.Contains("example.org").ShouldBeTrue();
        list.Contains("example.net").ShouldBeTrue();
        list.Contains("example.com").ShouldBeFalse();
    }

    private static List<string> EntriesOf(string resource)
    {
        using var stream = typeof(MailDomainList).Assembly.GetManifestResourceStream(resource);
        stream.ShouldNotBeNull();
        using var reader = new StreamReader(stream);

        var entries = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                entries.Add(line);
            }
        }

        return entries;
    }
}
