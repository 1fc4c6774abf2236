using System.Buffers;

namespace Tributary.Identifiers;

internal sealed partial class IdentifierNormalizer
{
    private static readonly SearchValues<char> SchemeChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");

    // Loaded on first use and kept for the life of the process: the lists ship inside the assembly.
    private static readonly Lazy<MailDomainList> FreeMailDomains =
        new(() => MailDomainList.FromResource("Tributary.Identifiers.free-mail-domains.txt"));

    private static readonly Lazy<MailDomainList> DisposableDomains =
        new(() => MailDomainList.FromResource("Tributary.Identifiers.disposable-domains.txt"));

    /// <summary>
    /// Normalises a company domain given bare or as a website URL: <c>https://www.Acme.com:443/about?x=1</c>
    /// becomes <c>acme.com</c>. Scheme, user info, port, path, query, fragment, trailing dot and leading
    /// <c>www.</c> are dropped; the host is lower-cased and internationalised names become punycode.
    /// </summary>
    /// <exception cref="InvalidIdentifierException">What is left is not a host name with a top-level domain.</exception>
    public static string NormalizeDomain(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);

        var authority = WithoutScheme(InvisibleCharacters.Trim(domain));
        var pathStart = authority.IndexOfAny('/', '?', '#');
        if (pathStart >= 0)
        {
            authority = authority[..pathStart];
        }

        // User info ("user:pass@host"); this also takes the domain of an email pasted into the domain field.
        authority = authority[(authority.LastIndexOf('@') + 1)..];

        var colon = authority.LastIndexOf(':');
        if (colon >= 0 && IsPort(authority[(colon + 1)..]))
        {
            authority = authority[..colon];
        }

        var host = HostName.Normalize(authority)
            ?? throw new InvalidIdentifierException(
                IdentifierField.Domain,
                "The domain must be a host name with a top-level domain, such as example.com, or a website URL.");
        return WithoutWww(host);
    }

    /// <summary>
    /// True when <paramref name="domain"/> (a normalised, lower-case domain) or one of its parents is a free-mail
    /// provider such as gmail.com or yahoo.co.uk, whose addresses say nothing about the person's employer.
    /// </summary>
    public static bool IsFreeMail(string domain) => FreeMailDomains.Value.Contains(domain);

    /// <summary>
    /// True when <paramref name="domain"/> (a normalised, lower-case domain) or one of its parents is a
    /// disposable-address service such as mailinator.com.
    /// </summary>
    public static bool IsDisposable(string domain) => DisposableDomains.Value.Contains(domain);

    // The email's domain names the employer only when the mailbox is not a free or throwaway one.
    private static string? CompanyDomainOf(string? email)
    {
        if (email is null)
        {
            return null;
        }

        var domain = email.AsSpan(email.IndexOf('@') + 1);
        return FreeMailDomains.Value.Contains(domain) || DisposableDomains.Value.Contains(domain)
            ? null
            : WithoutWww(domain.ToString());
    }

    // Drops "scheme://" or a scheme-relative "//".
    private static ReadOnlySpan<char> WithoutScheme(ReadOnlySpan<char> url)
    {
        var separator = url.IndexOf("//", StringComparison.Ordinal);
        if (separator == 0)
        {
            return url[2..];
        }

        var hasScheme = separator > 1
            && url[separator - 1] == ':'
            && char.IsAsciiLetter(url[0])
            && !url[..(separator - 1)].ContainsAnyExcept(SchemeChars);
        return hasScheme ? url[(separator + 2)..] : url;
    }

    private static bool IsPort(ReadOnlySpan<char> text) =>
        !text.IsEmpty && text.Length <= 5 && !text.ContainsAnyExceptInRange('0', '9');

    // "www." names the web server, not the company. Repeated because "www.www.acme.com" is seen in the wild and
    // normalising must be idempotent; a bare "www.com" keeps its label because it is the registered name.
    private static string WithoutWww(string host)
    {
        var start = 0;
        while (host.AsSpan(start).StartsWith("www.", StringComparison.Ordinal) && host.IndexOf('.', start + 4) > 0)
        {
            start += 4;
        }

        return start == 0 ? host : host[start..];
    }
}
