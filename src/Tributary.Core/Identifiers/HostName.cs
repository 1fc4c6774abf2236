using System.Globalization;
using System.Text;

namespace Tributary.Identifiers;

/// <summary>
/// The host-name rules shared by email domains and company domains: lower-case, internationalised names as
/// punycode, and the shape a public DNS name has (1–63 character labels of letters, digits and inner hyphens,
/// ending in a real top-level domain).
/// </summary>
internal static class HostName
{
    private const int MaxLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>
    /// Returns the lower-case ASCII (punycode) form of <paramref name="host"/> without its trailing root dot,
    /// or null when it is not a public host name.
    /// </summary>
    public static string? Normalize(ReadOnlySpan<char> host)
    {
        if (host.EndsWith('.'))
        {
            host = host[..^1];
        }

        if (host.IsEmpty || host.Length > MaxLength)
        {
            return null;
        }

        if (Ascii.IsValid(host))
        {
            Span<char> lower = stackalloc char[host.Length];
            Ascii.ToLower(host, lower, out _);
            return IsValidAscii(lower) ? new string(lower) : null;
        }

        var punycode = ToPunycode(host);
        return punycode is not null && IsValidAscii(punycode) ? punycode : null;
    }

    private static string? ToPunycode(ReadOnlySpan<char> host)
    {
        if (InvisibleCharacters.AnyIn(host))
        {
            // An invisible character would be encoded into a look-alike of the real name ("globex.xn--com-7m0a").
            return null;
        }

        // Under InvariantGlobalization IdnMapping only encodes: it neither case-maps nor NFC-normalises. So we
        // lower-case first ("BÜCHER.de" must match "bücher.de"), and a name typed in decomposed form (u + combining
        // diaeresis) keeps a punycode of its own; carrying ICU for that rare case is not worth it.
        var lower = host.ToString().ToLowerInvariant();
        try
        {
            // Std3 rules keep to the host-name alphabet: no underscores, spaces or punctuation inside labels.
            return new IdnMapping { UseStd3AsciiRules = true }.GetAscii(lower);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsValidAscii(ReadOnlySpan<char> host)
    {
        if (host.Length > MaxLength)
        {
            return false;
        }

        var lastDot = host.LastIndexOf('.');
        if (lastDot <= 0 || !IsTopLevelDomain(host[(lastDot + 1)..]))
        {
            return false;
        }

        foreach (var label in host.Split('.'))
        {
            if (!IsValidLabel(host[label]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidLabel(ReadOnlySpan<char> label)
    {
        if (label.IsEmpty || label.Length > MaxLabelLength || label[0] == '-' || label[^1] == '-')
        {
            return false;
        }

        foreach (var c in label)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    // A TLD is alphabetic (com, museum) or an IDN TLD in punycode; an all-digit last label means an IP address.
    private static bool IsTopLevelDomain(ReadOnlySpan<char> tld) =>
        tld.StartsWith("xn--", StringComparison.Ordinal)
        || (tld.Length >= 2 && !tld.ContainsAnyExceptInRange('a', 'z'));
}
