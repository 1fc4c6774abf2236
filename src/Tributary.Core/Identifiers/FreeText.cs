namespace Tributary.Identifiers;

/// <summary>
/// The rules for free-text identifiers (names, company names): trimmed, and every run of whitespace of any
/// kind (tabs, line breaks, no-break spaces) collapsed to one space, so that differently typed copies of the
/// same name produce the same cache key.
/// </summary>
internal static class FreeText
{
    /// <summary>The longest text accepted after collapsing; longer input is pasted junk, not a name.</summary>
    public const int MaxLength = 256;

    private const int MaxStackLength = 512;

    /// <summary>Returns the collapsed text, or null when nothing but whitespace was given.</summary>
    /// <param name="text">The text as typed.</param>
    /// <param name="field">The request field, one of <see cref="IdentifierField"/>, for errors.</param>
    /// <exception cref="InvalidIdentifierException">The text has control characters or is too long.</exception>
    public static string? Normalize(string? text, string field)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return null;
        }

        Span<char> buffer = trimmed.Length <= MaxStackLength ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (char.IsControl(c))
            {
                throw new InvalidIdentifierException(field, $"The {field} contains control characters.");
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = c;
        }

        if (length > MaxLength)
        {
            throw new InvalidIdentifierException(field, $"The {field} is longer than {MaxLength} characters.");
        }

        // Most input is already clean: hand back the caller's string rather than a copy.
        var collapsed = buffer[..length];
        return collapsed.SequenceEqual(text) ? text : new string(collapsed);
    }
}
