using System.Buffers;
using System.Globalization;

namespace Tributary.Identifiers;

internal sealed partial class IdentifierNormalizer
{
    private const string LinkedInHost = "linkedin.com";
    private const string CanonicalLinkedInPrefix = "https://linkedin.com/";
    private const int MaxSlugLength = 100;

    private static readonly SearchValues<char> SubdomainChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    /// <summary>
    /// Normalises a LinkedIn profile URL to <c>https://linkedin.com/in/&lt;slug&gt;</c>, or a company page to
    /// <c>https://linkedin.com/company/&lt;slug&gt;</c>. Accepts any scheme or none, <c>www.</c> and country
    /// subdomains (<c>uk.linkedin.com</c>), trailing segments (<c>/details/experience</c>), query strings and
    /// fragments, percent-encoded slugs and bare <c>in/slug</c> handles. The slug is percent-decoded and
    /// lower-cased, so the result may contain non-ASCII letters.
    /// </summary>
    /// <exception cref="InvalidIdentifierException">The text is not a LinkedIn profile or company page.</exception>
    public static string NormalizeLinkedIn(string url)
    {
        ArgumentNullException.ThrowIfNull(url);

        var text = WithoutScheme(url.AsSpan().Trim());
        var queryStart = text.IndexOfAny('?', '#');
        if (queryStart >= 0)
        {
            text = text[..queryStart];
        }

        // A first segment with a dot is a host ("www.linkedin.com/in/x"); without one it is a handle ("in/x").
        var firstSlash = text.IndexOf('/');
        var firstSegment = firstSlash < 0 ? text : text[..firstSlash];
        if (firstSegment.Contains('.'))
        {
            if (!IsLinkedInHost(firstSegment) || firstSlash < 0)
            {
                throw InvalidLinkedIn();
            }

            text = text[(firstSlash + 1)..];
        }

        text = text.TrimStart('/');
        var kindEnd = text.IndexOf('/');
        if (kindEnd < 0)
        {
            throw InvalidLinkedIn();
        }

        var kind = text[..kindEnd] switch
        {
            var k when k.Equals("in", StringComparison.OrdinalIgnoreCase) => "in",
            var k when k.Equals("company", StringComparison.OrdinalIgnoreCase) => "company",
            _ => throw InvalidLinkedIn(),
        };

        var slug = text[(kindEnd + 1)..];
        var slugEnd = slug.IndexOf('/');
        if (slugEnd >= 0)
        {
            slug = slug[..slugEnd];
        }

        if (slug.Contains('%'))
        {
            slug = Uri.UnescapeDataString(slug);
        }

        if (!IsValidSlug(slug))
        {
            throw InvalidLinkedIn();
        }

        Span<char> lowerSlug = stackalloc char[slug.Length];
        slug.ToLowerInvariant(lowerSlug);
        return string.Concat(CanonicalLinkedInPrefix, kind, "/", lowerSlug);
    }

    // linkedin.com itself or one subdomain label: www, m, and the country sites (uk, de, br, …).
    private static bool IsLinkedInHost(ReadOnlySpan<char> host)
    {
        if (host.Equals(LinkedInHost, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var subdomainLength = host.Length - LinkedInHost.Length - 1;
        return subdomainLength > 0
            && host.EndsWith(LinkedInHost, StringComparison.OrdinalIgnoreCase)
            && host[subdomainLength] == '.'
            && !host[..subdomainLength].ContainsAnyExcept(SubdomainChars);
    }

    // Custom profile slugs are letters, digits and hyphens; company slugs add dots and underscores
    // ("booking.com"); older profile slugs carry non-ASCII letters, hence Unicode letters and combining marks.
    private static bool IsValidSlug(ReadOnlySpan<char> slug)
    {
        if (slug.IsEmpty || slug.Length > MaxSlugLength || slug.Trim('.').IsEmpty)
        {
            return false;
        }

        foreach (var c in slug)
        {
            var allowed = char.IsLetterOrDigit(c)
                || c is '-' or '_' or '.'
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    private static InvalidIdentifierException InvalidLinkedIn() =>
        new(IdentifierField.LinkedInUrl,
            "The LinkedIn URL must be a profile (linkedin.com/in/…) or company page (linkedin.com/company/…).");
}
