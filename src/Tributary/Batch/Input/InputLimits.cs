namespace Tributary.Host.Batch.Input;

/// <summary>What a row may hold before it is rejected rather than read.</summary>
internal static class InputLimits
{
    /// <summary>Longest field, in characters. Real identifiers and names are far shorter; longer is junk or a runaway quote.</summary>
    public const int MaxFieldChars = 4096;

    /// <summary>Longest physical line kept; the rest of a longer one is skipped unread.</summary>
    public const int MaxLineChars = 1024 * 1024;

    /// <summary>Most columns a file may have.</summary>
    public const int MaxColumns = 1000;

    /// <summary>How much of a rejected row the rejects file repeats.</summary>
    public const int MaxRawChars = 1000;

    /// <summary>NUL, other control characters than tab and line breaks, or bytes that were not UTF-8.</summary>
    public static bool LooksBinary(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c == '\uFFFD' || (c < ' ' && c is not '\t' and not '\n' and not '\r') || c == '\u007F')
            {
                return true;
            }
        }

        return false;
    }

    public static string Clip(string raw) => raw.Length <= MaxRawChars ? raw : raw[..MaxRawChars] + "…";
}
