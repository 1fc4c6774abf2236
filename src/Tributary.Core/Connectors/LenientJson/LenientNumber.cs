using System.Globalization;
using System.Text.Json;

namespace Tributary.Connectors.LenientJson;

/// <summary>
/// Numbers as providers write them: a JSON number, or text with thousands separators (<c>"1,000"</c>,
/// <c>"1 000"</c>). A value out of range or unreadable is absent (null), so one odd field never costs the record.
/// </summary>
internal static class LenientNumber
{
    // 2^63: the first double a long cannot hold.
    private const double LongLimit = 9_223_372_036_854_775_808d;

    private const NumberStyles WholeStyles = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
        | NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands;

    /// <summary>A whole number (a fraction is rounded): <c>1500</c>, <c>1500.0</c>, <c>"1,500"</c>.</summary>
    public static long? Whole(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.TryGetDouble(out var real) ? Whole(real) : null,
        JsonValueKind.String => Whole(element.GetString()),
        _ => null,
    };

    public static long? Whole(string? text)
    {
        var digits = WithoutSeparators(text);
        if (digits is null)
        {
            return null;
        }

        return long.TryParse(digits, WholeStyles, CultureInfo.InvariantCulture, out var whole) ? whole : Whole(Real(digits));
    }

    public static long? Whole(double? value) =>
        value is { } real && double.IsFinite(real) && Math.Round(real) is var rounded && rounded > -LongLimit && rounded < LongLimit
            ? (long)rounded
            : null;

    /// <summary>A finite number from text: <c>"0.85"</c>, <c>"1,250,000.50"</c>.</summary>
    public static double? Real(string? text)
    {
        var digits = WithoutSeparators(text);
        return digits is not null
            && double.TryParse(digits, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var real)
            && double.IsFinite(real)
                ? real
                : null;
    }

    /// <summary>The text without the group separators other than commas that providers put between digits (spaces, <c>_</c>, <c>'</c>).</summary>
    private static string? WithoutSeparators(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.AsSpan().IndexOfAny(" _'\u00a0\u202f") < 0
            ? trimmed
            : string.Concat(trimmed.Where(c => c is not (' ' or '_' or '\'' or '\u00a0' or '\u202f')));
    }
}
