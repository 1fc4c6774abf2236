using System.Globalization;

namespace Tributary.Identifiers;

/// <summary>
/// Format characters (Unicode category Cf: zero-width space, byte-order mark, direction marks and overrides) are
/// invisible where a person reads an identifier, so one that arrives with them (pasted, or from a CSV export's
/// byte-order mark) is the same identifier without them at its ends, and not a real one with them inside.
/// </summary>
internal static class InvisibleCharacters
{
    public static bool IsFormat(char c) => !char.IsAscii(c) && char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>Without white space or format characters at either end.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || IsFormat(text[start])))
        {
            start++;
        }

        var end = text.Length;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || IsFormat(text[end - 1])))
        {
            end--;
        }

        return text[start..end];
    }

    public static bool AnyIn(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsFormat(c))
            {
                return true;
            }
        }

        return false;
    }
}
