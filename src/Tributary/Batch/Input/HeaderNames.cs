using System.Globalization;

namespace Tributary.Host.Batch.Input;

/// <summary>Column names made usable as output headers: trimmed, BOM removed, blanks named, duplicates numbered.</summary>
internal static class HeaderNames
{
    /// <summary>
    /// The position of the first name that is an email address or a phone number, or -1: a file whose first line holds
    /// one has no header, and its first record would be taken for one (and, named in an error, written to the terminal).
    /// </summary>
    public static int FirstThatLooksLikeData(IReadOnlyList<string> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            var at = name.IndexOf('@');
            var isEmail = at > 0 && name.IndexOf('.', at) > at + 1 && !name.Contains(' ', StringComparison.Ordinal);
            var isPhone = name.Count(char.IsAsciiDigit) >= 7 && name.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or '(' or ')' or ' ' or '.');
            if (isEmail || isPhone)
            {
                return i;
            }
        }

        return -1;
    }

    public static IReadOnlyList<string> MakeUnique(IReadOnlyList<string> names)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unique = new string[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim().TrimStart('\uFEFF').Trim();
            if (name.Length == 0)
            {
                name = "column_" + (i + 1).ToString(CultureInfo.InvariantCulture);
            }

            var candidate = name;
            for (var n = 2; !seen.Add(candidate); n++)
            {
                candidate = name + "_" + n.ToString(CultureInfo.InvariantCulture);
            }

            unique[i] = candidate;
        }

        return unique;
    }
}
