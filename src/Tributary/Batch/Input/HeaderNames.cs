using System.Globalization;

namespace Tributary.Host.Batch.Input;

/// <summary>Column names made usable as output headers: trimmed, BOM removed, blanks named, duplicates numbered.</summary>
internal static class HeaderNames
{
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
