namespace Tributary.Identifiers;

/// <summary>A person's name in the three forms providers ask for, each whitespace-collapsed.</summary>
/// <param name="First">Given name(s).</param>
/// <param name="Last">Family name.</param>
/// <param name="Full">The whole name as typed.</param>
internal readonly record struct PersonName(string? First, string? Last, string? Full)
{
    /// <summary>
    /// Builds the name from whichever parts the caller gave. Given parts are kept; a missing full name is
    /// "first last"; when only a full name is given it is split at its last space into first and last names.
    /// </summary>
    /// <exception cref="InvalidIdentifierException">A part has control characters or is too long.</exception>
    public static PersonName From(string? full, string? first, string? last)
    {
        full = FreeText.Normalize(full, IdentifierField.Name);
        first = FreeText.Normalize(first, IdentifierField.Name);
        last = FreeText.Normalize(last, IdentifierField.Name);

        if (full is null)
        {
            full = first is null ? last : last is null ? first : string.Concat(first, " ", last);
            return new PersonName(first, last, full);
        }

        // A caller who gave a part has said how the name divides; splitting would only second-guess them, and
        // would undo a full name that was itself built from one part.
        if (first is not null || last is not null)
        {
            return new PersonName(first, last, full);
        }

        // Last token as family name: right for "Mary Ann Smith", wrong for "Ludwig van Beethoven". Providers
        // match on the full name as well, so the split only has to be usable, not perfect.
        var space = full.LastIndexOf(' ');
        return space < 0
            ? new PersonName(full, null, full)
            : new PersonName(full[..space], full[(space + 1)..], full);
    }
}
