using System.Text;

namespace Tributary.Simulators.Dataset;

/// <summary>
/// Normalises what clients send (URLs, formatted phones, company names with legal suffixes) into
/// the keys the dataset is indexed by, the way a provider's matcher would forgive formatting.
/// </summary>
internal static class LookupKeys
{
    private static readonly string[] LegalSuffixes = [" inc", " llc", " ltd", " corp", " corporation", " co", " gmbh", " plc", " bv"];

    /// <summary>Digits only, with a North American country code added to bare ten-digit numbers.</summary>
    public static string Phone(string phone)
    {
        Span<char> digits = stackalloc char[Math.Min(phone.Length, 64) + 1];
        var count = 0;
        foreach (var c in phone.AsSpan(0, Math.Min(phone.Length, 64)))
        {
            if (char.IsAsciiDigit(c))
            {
                digits[count++] = c;
            }
        }

        if (count != 10)
        {
            return new string(digits[..count]);
        }

        digits[..count].CopyTo(digits[1..]);
        digits[0] = '1';
        return new string(digits[..11]);
    }

    /// <summary>"https://www.Acme.com/about" → "acme.com".</summary>
    public static string Domain(string domainOrUrl)
    {
        var value = StripScheme(domainOrUrl.Trim());
        var end = value.IndexOfAny(['/', '?', ':', '#']);
        if (end >= 0)
        {
            value = value[..end];
        }

        return value.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? value[4..] : value;
    }

    /// <summary>"https://www.linkedin.com/in/janedoe/" or "in/janedoe" → "janedoe".</summary>
    public static string LinkedInSlug(string slugOrUrl)
    {
        var value = StripScheme(slugOrUrl.Trim()).TrimEnd('/');
        var marker = value.LastIndexOf("in/", StringComparison.OrdinalIgnoreCase);
        return marker >= 0 && (marker == 0 || value[marker - 1] == '/') ? value[(marker + 3)..] : value;
    }

    /// <summary>"Acme, Inc." → "acme": lower case, punctuation dropped, one legal suffix removed.</summary>
    public static string CompanyName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        var key = builder.ToString().TrimEnd();
        foreach (var suffix in LegalSuffixes)
        {
            if (key.EndsWith(suffix, StringComparison.Ordinal))
            {
                return key[..^suffix.Length];
            }
        }

        return key;
    }

    public static string PersonAtCompany(int companyIndex, string fullName) =>
        $"{companyIndex}|{string.Join(' ', fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries))}";

    private static string StripScheme(string value)
    {
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        return scheme >= 0 ? value[(scheme + 3)..] : value;
    }
}
