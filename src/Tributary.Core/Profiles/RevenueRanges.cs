using System.Globalization;
using System.Text;

namespace Tributary.Profiles;

/// <summary>
/// Revenue ranges written one way (<c>$50M-$100M</c>) whatever the provider wrote (<c>$50 mil. - $100 mil.</c>,
/// <c>$1 bil.+</c>, <c>$10M-$50M</c>). Text that does not parse passes through unchanged.
/// </summary>
public static class RevenueRanges
{
    public static string? Normalize(string? range)
    {
        if (string.IsNullOrWhiteSpace(range))
        {
            return null;
        }

        var parts = range.Split(['-', '–'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 1 or > 2)
        {
            return range.Trim();
        }

        var result = new StringBuilder();
        foreach (var part in parts)
        {
            if (Amount(part) is not { } amount)
            {
                return range.Trim();
            }

            result.Append(result.Length > 0 ? "-" : string.Empty).Append(amount);
        }

        return range.TrimEnd().EndsWith('+') && parts.Length == 1 ? result.Append('+').ToString() : result.ToString();
    }

    private static string? Amount(string text)
    {
        var t = text.Trim().TrimStart('$').TrimEnd('+').Trim().ToLowerInvariant();
        var digits = 0;
        while (digits < t.Length && (char.IsDigit(t[digits]) || t[digits] == '.' || t[digits] == ','))
        {
            digits++;
        }

        if (digits == 0 || !decimal.TryParse(t[..digits].Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var unit = t[digits..].Trim().TrimEnd('.') switch
        {
            "" => string.Empty,
            "k" or "thousand" => "K",
            "m" or "mil" or "mm" or "million" => "M",
            "b" or "bil" or "bn" or "billion" => "B",
            "t" or "tril" or "trillion" => "T",
            _ => null,
        };
        return unit is null ? null : "$" + number.ToString("0.##", CultureInfo.InvariantCulture) + unit;
    }
}
