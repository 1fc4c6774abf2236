using CsCheck;
using PhoneNumbers;
using Tributary.Identifiers;

namespace Tributary.Tests.Identifiers;

public sealed class IdentifierNormalizationPropertyTests
{
    private static readonly PhoneNumberUtil PhoneUtil = PhoneNumberUtil.GetInstance();
    private static readonly string[] Regions = [.. PhoneUtil.GetSupportedRegions().Order(StringComparer.Ordinal)];
    private static readonly IdentifierNormalizer Normalizer = TestNormalizer.Create();

    private static readonly Gen<string> Padding = Gen.OneOf("", " ", "  ", "\t", "\n", "\u00A0");

    private static readonly Gen<string> AsciiWord =
        Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"].Array[1, 12].Select(c => new string(c));

    private static readonly Gen<string> Word = Gen.Frequency((6, AsciiWord), (1, Gen.OneOf("José", "BÜCHER", "münchen", "Ærø", "Łódź")));

    private static readonly Gen<string> Tld = Gen.OneOf("com", "org", "de", "co.uk", "io", "COM", "xn--p1ai");

    // Domain labels are words joined with inner hyphens, never leading or trailing ones.
    private static readonly Gen<string> Label = Gen.Select(Word, Gen.OneOf("-", "-x-"), Word, Gen.Bool,
        (a, hyphen, b, joined) => joined ? a + hyphen + b : a);

    private static readonly Gen<string> Host = Gen.Select(Label.Array[1, 3], Tld, (labels, tld) => $"{string.Join('.', labels)}.{tld}");

    private static readonly Gen<string> LocalPart = Gen.Select(Word.Array[1, 3], Gen.OneOf("", "+tag", "+CRM"),
        (words, tag) => string.Join('.', words) + tag);

    private static readonly Gen<string> Email = Gen.Select(Padding, LocalPart, Host, Gen.OneOf("", "."), Padding,
        (before, local, host, rootDot, after) => $"{before}{local}@{host}{rootDot}{after}");

    // Example numbers of every region with their last digits varied, kept only when still valid.
    private static readonly Gen<PhoneNumber> ValidNumber =
        Gen.Select(Gen.OneOf(Regions), Gen.OneOf(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE), Gen.Int[0, 999], VaryExample)
            .Where(number => number is not null)
            .Select(number => number!);

    [Fact]
    public void NormalizeEmail_OfGeneratedAddress_IsIdempotentLowerCaseWithoutWhitespace() =>
        Email.Sample(email =>
        {
            var normalized = IdentifierNormalizer.NormalizeEmail(email);

            IdentifierNormalizer.NormalizeEmail(normalized).ShouldBe(normalized);
            normalized.ShouldBe(normalized.ToLowerInvariant());
            normalized.Any(char.IsWhiteSpace).ShouldBeFalse();
            normalized.ShouldNotEndWith(".");
        });

    [Fact]
    public void NormalizeEmail_OfArbitraryText_IsIdempotentWhenAccepted() =>
        Gen.Char["aZ09 .@+-_é\u00A0\t<>\"Ü"].Array[0, 20].Select(c => new string(c)).Sample(text =>
        {
            string normalized;
            try
            {
                normalized = IdentifierNormalizer.NormalizeEmail(text);
            }
            catch (InvalidIdentifierException error)
            {
                error.Field.ShouldBe(IdentifierField.Email);
                return;
            }

            IdentifierNormalizer.NormalizeEmail(normalized).ShouldBe(normalized);
            normalized.ShouldBe(normalized.ToLowerInvariant());
            normalized.Any(char.IsWhiteSpace).ShouldBeFalse();
        });

    [Fact]
    public void NormalizePhone_OfValidE164_RoundTrips() =>
        ValidNumber.Sample(number =>
        {
            var e164 = PhoneUtil.Format(number, PhoneNumberFormat.E164);

            Normalizer.NormalizePhone(e164).ShouldBe(e164);
        });

    [Fact]
    public void NormalizePhone_OfInternationalFormat_ReturnsE164() =>
        ValidNumber.Sample(number =>
            Normalizer.NormalizePhone(PhoneUtil.Format(number, PhoneNumberFormat.INTERNATIONAL))
                .ShouldBe(PhoneUtil.Format(number, PhoneNumberFormat.E164)));

    [Fact]
    public void NormalizePhone_OfNationalFormatInItsOwnRegion_ReturnsE164() =>
        ValidNumber.Sample(number =>
        {
            var region = PhoneUtil.GetRegionCodeForNumber(number);

            TestNormalizer.Create(region).NormalizePhone(PhoneUtil.Format(number, PhoneNumberFormat.NATIONAL))
                .ShouldBe(PhoneUtil.Format(number, PhoneNumberFormat.E164));
        });

    [Fact]
    public void NormalizeDomain_OfGeneratedUrl_ReturnsLowerCaseHostIdempotently() =>
        Gen.Select(Gen.OneOf("", "http://", "https://", "HTTPS://", "//"), Gen.OneOf("", "www.", "WWW."), Host,
                Gen.OneOf("", ":443", "/", "/about?x=1", "#top", "."))
            .Sample((scheme, www, host, rest) =>
            {
                var normalized = IdentifierNormalizer.NormalizeDomain(scheme + www + host + rest);

                IdentifierNormalizer.NormalizeDomain(normalized).ShouldBe(normalized);
                normalized.ShouldBe(normalized.ToLowerInvariant());
                normalized.All(char.IsAscii).ShouldBeTrue();
            });

    [Fact]
    public void NormalizeLinkedIn_OfGeneratedUrl_ReturnsCanonicalUrlIdempotently() =>
        Gen.Select(Gen.OneOf("", "https://www.linkedin.com/", "http://uk.linkedin.com/", "LinkedIn.com/", "/"),
                Gen.OneOf("in", "IN", "company"), Gen.Select(Word, Gen.OneOf("", "-", "_"), AsciiWord, (a, s, b) => a + s + b),
                Gen.Bool, Gen.OneOf("", "/", "/details/experience/", "?trk=abc", "#about"))
            .Sample((prefix, kind, slug, encode, suffix) =>
            {
                var url = $"{prefix}{kind}/{(encode ? Uri.EscapeDataString(slug) : slug)}{suffix}";

                var normalized = IdentifierNormalizer.NormalizeLinkedIn(url);

                normalized.ShouldBe($"https://linkedin.com/{kind.ToLowerInvariant()}/{slug.ToLowerInvariant()}");
                IdentifierNormalizer.NormalizeLinkedIn(normalized).ShouldBe(normalized);
            });

    [Fact]
    public void Normalize_OfNormalizedSet_ReturnsTheSameSet()
    {
        var name = Gen.Select(Word, Padding, Word, (a, space, b) => a + " " + space + b);
        var optionalName = Gen.Frequency((3, name.Select(n => (string?)n)), (1, Gen.Const((string?)null)));
        var raw = Gen.Select(
            Gen.Frequency((3, Email.Select(e => (string?)e)), (1, Gen.Const((string?)null))),
            Gen.Frequency((3, ValidNumber.Select(n => (string?)PhoneUtil.Format(n, PhoneNumberFormat.INTERNATIONAL))), (1, Gen.Const((string?)null))),
            Gen.Frequency((1, Host.Select(h => (string?)("https://www." + h + "/about"))), (2, Gen.Const((string?)null))),
            Gen.Frequency((1, AsciiWord.Select(s => (string?)("linkedin.com/in/" + s))), (1, Gen.Const((string?)null))),
            optionalName, optionalName, optionalName, optionalName,
            (email, phone, domain, linkedIn, full, first, last, company) =>
                new RawIdentifiers(email, phone, domain, full, company, linkedIn, first, last));

        raw.Sample(identifiers =>
        {
            var set = Normalizer.Normalize(identifiers);

            Normalizer.Normalize(ToRaw(set)).ShouldBe(set);
        });
    }

    private static RawIdentifiers ToRaw(IdentifierSet set) =>
        new(set.Email, set.Phone, set.Domain, set.FullName, set.Company, set.LinkedInUrl, set.FirstName, set.LastName);

    private static PhoneNumber? VaryExample(string region, PhoneNumberType type, int tail)
    {
        var example = PhoneUtil.GetExampleNumberForType(region, type);
        if (example is null)
        {
            return null;
        }

        var national = PhoneUtil.GetNationalSignificantNumber(example);
        var varied = Math.Min(3, national.Length - 2);
        var digits = national[..^varied] + (tail % (int)Math.Pow(10, varied)).ToString($"D{varied}", System.Globalization.CultureInfo.InvariantCulture);
        var number = PhoneUtil.Parse($"+{example.CountryCode}{digits}", "ZZ");
        return PhoneUtil.IsValidNumber(number) && PhoneUtil.GetRegionCodeForNumber(number) is not null ? number : null;
    }
}
