using System.Collections.Frozen;
using System.Text;
using Tributary.Identifiers;

namespace Tributary.Connectors;

/// <summary>
/// Lenient reading of the values providers send into the form profiles hold, so the same fact from two providers
/// merges as one value: canonical LinkedIn URLs, bare domains, and title case for providers that lower-case text.
/// </summary>
internal static class ProviderValues
{
    // Written upper-case whatever the provider sent: job-title and company-form abbreviations.
    private static readonly FrozenSet<string> Acronyms = FrozenSet.Create(
        StringComparer.Ordinal,
        "vp", "svp", "evp", "avp", "ceo", "cto", "cfo", "coo", "cmo", "cio", "ciso", "cpo", "cro", "hr", "it", "qa", "ui", "ux",
        "ai", "pr", "r&d", "b2b", "b2c", "saas", "llc", "plc", "gmbh", "ii", "iii", "iv", "usa");

    // Kept lower-case inside a phrase ("VP of Engineering"), capitalised when they open it.
    private static readonly FrozenSet<string> MinorWords = FrozenSet.Create(
        StringComparer.Ordinal, "a", "an", "and", "at", "by", "de", "for", "in", "of", "on", "or", "the", "to", "with", "&");

    /// <summary>
    /// <c>https://linkedin.com/in/slug</c> (or <c>/company/slug</c>) from any form a provider writes
    /// (<c>linkedin.com/in/x</c>, <c>http://www.linkedin.com/in/x</c>, <c>in/x</c>); null when it is not one.
    /// </summary>
    public static string? LinkedIn(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        try
        {
            return IdentifierNormalizer.NormalizeLinkedIn(url);
        }
        catch (InvalidIdentifierException)
        {
            return null;
        }
    }

    /// <summary><c>http://www.Acme.com/about</c> → <c>acme.com</c>; null when blank.</summary>
    public static string? Domain(string? website)
    {
        if (string.IsNullOrWhiteSpace(website))
        {
            return null;
        }

        var text = website.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }

        var end = text.IndexOfAny(['/', '?', '#', ':']);
        if (end >= 0)
        {
            text = text[..end];
        }

        text = text.ToLowerInvariant();
        text = text.StartsWith("www.", StringComparison.Ordinal) ? text[4..] : text;
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// A full name built from its parts, only when both are known: a last name alone, made the full name, would win a
    /// merge over another provider's complete one ("Doe" greeting Jane Doe).
    /// </summary>
    public static string? FullName(string? first, string? last) =>
        string.IsNullOrWhiteSpace(first) || string.IsNullOrWhiteSpace(last) ? null : $"{first.Trim()} {last.Trim()}";

    /// <summary>
    /// "vp of engineering" → "VP of Engineering", "o'brien-smith" → "O'Brien-Smith". Only all-lower-case text is
    /// changed: any capital letter means the provider cased it deliberately, and it is kept as sent.
    /// </summary>
    public static string? TitleCase(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Any(char.IsUpper))
        {
            return trimmed;
        }

        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new StringBuilder(trimmed.Length);
        for (var i = 0; i < words.Length; i++)
        {
            result.Append(i > 0 ? " " : string.Empty).Append(Word(words[i], first: i == 0));
        }

        return result.ToString();
    }

    private static string Word(string word, bool first)
    {
        var bare = word.Trim(',', '.', '(', ')', ';', ':');
        if (Acronyms.Contains(bare))
        {
            return word.Replace(bare, bare.ToUpperInvariant(), StringComparison.Ordinal);
        }

        if (!first && MinorWords.Contains(bare))
        {
            return word;
        }

        var chars = word.ToCharArray();
        var start = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (start && char.IsLetter(chars[i]))
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
                start = false;
            }
            else if (chars[i] is '-' or '/' or '(' || (chars[i] == '\'' && i == 1))
            {
                // Each part of "mary-jane" or "sales/marketing" is a word of its own; so is "brien" in "o'brien".
                start = true;
            }
            else if (char.IsLetterOrDigit(chars[i]))
            {
                start = false;
            }
        }

        return new string(chars);
    }
}
