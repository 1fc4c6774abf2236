using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Tributary.Privacy;

/// <summary>
/// Masks sensitive values before they leave the gateway, in one hand-written pass over each string (no regex, no
/// allocation when nothing is found):
/// <list type="bullet">
/// <item>SSNs written <c>123-45-6789</c> or <c>123 45 6789</c> → <c>***-**-6789</c>; nine bare digits only in a field named
/// like an SSN (a word <c>ssn</c>, or <c>social security</c>: <c>ssn</c>, <c>customer_ssn</c>, <c>socialSecurityNumber</c>).</item>
/// <item>Card numbers: 13–19 digits, bare or grouped with single spaces or dashes, that pass Luhn → <c>*</c> for all but
/// the last four digits (<c>************1111</c>). Digits that fail Luhn are left alone, and so are numbers written
/// with a leading <c>+</c> (phone numbers), joined to letters (<c>A4111…</c>) or part of a decimal.</item>
/// <item>Values of fields in <see cref="PrivacyOptions.MaskedFields"/> → <c>***</c>, whatever their type.</item>
/// </list>
/// A number counts only on its own: digits must not touch letters, and a run of groups is searched for a card at group
/// boundaries, so a 20-digit id is never masked as a card and a card followed by other digits still is.
/// </summary>
internal sealed class SensitiveValueMasker
{
    /// <summary>What a masked field's value becomes.</summary>
    public const string Masked = "***";

    private const int MaxGroups = 32;

    private readonly HashSet<string> _maskedFields;

    public SensitiveValueMasker(IOptions<PrivacyOptions> options)
    {
        _maskedFields = new HashSet<string>(
            options.Value.MaskedFields.SelectMany(static f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="fieldName"/> is one of <c>Privacy:MaskedFields</c>.</summary>
    public bool IsMaskedField(string fieldName) => _maskedFields.Contains(fieldName);

    /// <summary><paramref name="value"/> with its SSNs and card numbers masked; the same instance when there are none.</summary>
    public string Mask(string value) => Mask(null, value);

    /// <summary>
    /// The value of field <paramref name="fieldName"/>: <c>***</c> for a masked field, else its SSNs and card numbers
    /// masked (and nine bare digits too when the name says SSN).
    /// </summary>
    public string Mask(string? fieldName, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (fieldName is not null && _maskedFields.Contains(fieldName))
        {
            return Masked;
        }

        return MaskPatterns(value, fieldName is not null && FieldNames.IsSsn(fieldName));
    }

    /// <summary>
    /// Masks every string (and every number that reads as a card or SSN) in the tree in place, by the name of the field
    /// holding it (array items take their array's name). Returns the node, or a new one when the root itself was masked.
    /// </summary>
    public JsonNode? Mask(JsonNode? node) => Walk(node, null);

    private JsonNode? Walk(JsonNode? node, string? fieldName)
    {
        switch (node)
        {
            case JsonObject json:
                List<(string Name, JsonNode? Value)>? changes = null;
                foreach (var (name, value) in json)
                {
                    var masked = value is not null && _maskedFields.Contains(name) ? JsonValue.Create(Masked) : Walk(value, name);
                    if (!ReferenceEquals(masked, value))
                    {
                        (changes ??= []).Add((name, masked));
                    }
                }

                foreach (var (name, value) in changes ?? [])
                {
                    json[name] = value;
                }

                return json;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var item = array[i];
                    var masked = Walk(item, fieldName);
                    if (!ReferenceEquals(masked, item))
                    {
                        array[i] = masked;
                    }
                }

                return array;
            case JsonValue value:
                var text = value.GetValueKind() switch
                {
                    JsonValueKind.String => value.GetValue<string>(),
                    // A card or SSN stored as a number is as sensitive as one in a string.
                    JsonValueKind.Number => value.ToJsonString(),
                    _ => null,
                };
                if (text is null)
                {
                    return value;
                }

                var result = Mask(fieldName, text);
                return ReferenceEquals(result, text) ? value : JsonValue.Create(result);
            default:
                return node;
        }
    }

    private static string MaskPatterns(string value, bool ssnField)
    {
        if (!HasNineDigits(value))
        {
            return value;
        }

        Span<(int Start, int End)> groups = stackalloc (int, int)[MaxGroups];
        StringBuilder? output = null;
        var copied = 0;
        var i = 0;
        while (i < value.Length)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                i++;
                continue;
            }

            var count = Groups(value, i, groups);
            var runEnd = groups[count - 1].End;
            if (StandsAlone(value, i, runEnd))
            {
                if (IsSsn(value, groups[..count], ssnField))
                {
                    Replace(ref output, ref copied, value, i, runEnd, "***-**-" + value[(runEnd - 4)..runEnd]);
                }
                else
                {
                    MaskCards(ref output, ref copied, value, groups[..count]);
                }
            }

            i = runEnd;
        }

        if (output is null)
        {
            return value;
        }

        output.Append(value, copied, value.Length - copied);
        return output.ToString();
    }

    /// <summary>The digit groups of the run starting at <paramref name="start"/>, joined by single spaces or dashes.</summary>
    private static int Groups(string value, int start, Span<(int Start, int End)> groups)
    {
        var count = 0;
        var j = start;
        while (true)
        {
            var groupStart = j;
            while (j < value.Length && char.IsAsciiDigit(value[j]))
            {
                j++;
            }

            groups[count++] = (groupStart, j);
            if (count == groups.Length || j + 1 >= value.Length || value[j] is not (' ' or '-') || !char.IsAsciiDigit(value[j + 1]))
            {
                return count;
            }

            j++;
        }
    }

    /// <summary>Not glued to letters, not a phone's <c>+</c>, not the integer or fraction part of a decimal.</summary>
    private static bool StandsAlone(string value, int start, int end)
    {
        if (start > 0)
        {
            var before = value[start - 1];
            if (char.IsLetter(before) || before is '+' or '_' || (before is '.' or ',' && start > 1 && char.IsAsciiDigit(value[start - 2])))
            {
                return false;
            }
        }

        if (end < value.Length)
        {
            var after = value[end];
            if (char.IsLetter(after) || after == '_' || (after is '.' or ',' && end + 1 < value.Length && char.IsAsciiDigit(value[end + 1])))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSsn(string value, ReadOnlySpan<(int Start, int End)> groups, bool ssnField)
    {
        if (groups.Length == 1)
        {
            return ssnField && groups[0].End - groups[0].Start == 9;
        }

        return groups.Length == 3
            && groups[0].End - groups[0].Start == 3 && groups[1].End - groups[1].Start == 2 && groups[2].End - groups[2].Start == 4
            && value[groups[0].End] == value[groups[1].End];
    }

    /// <summary>Masks each longest span of whole groups, earliest first, holding 13–19 digits that pass Luhn.</summary>
    private static void MaskCards(ref StringBuilder? output, ref int copied, string value, ReadOnlySpan<(int Start, int End)> groups)
    {
        var first = 0;
        while (first < groups.Length)
        {
            var digits = 0;
            var best = -1;
            var bestDigits = 0;
            for (var last = first; last < groups.Length; last++)
            {
                digits += groups[last].End - groups[last].Start;
                if (digits > 19)
                {
                    break;
                }

                if (digits >= 13 && Luhn.IsValid(value.AsSpan(groups[first].Start, groups[last].End - groups[first].Start)))
                {
                    (best, bestDigits) = (last, digits);
                }
            }

            if (best < 0)
            {
                first++;
                continue;
            }

            var end = groups[best].End;
            Replace(ref output, ref copied, value, groups[first].Start, end, new string('*', bestDigits - 4) + LastFourDigits(value, end));
            first = best + 1;
        }
    }

    private static string LastFourDigits(string value, int end)
    {
        Span<char> last = stackalloc char[4];
        var n = 4;
        for (var i = end - 1; n > 0; i--)
        {
            if (char.IsAsciiDigit(value[i]))
            {
                last[--n] = value[i];
            }
        }

        return new string(last);
    }

    private static void Replace(ref StringBuilder? output, ref int copied, string value, int start, int end, string replacement)
    {
        output ??= new StringBuilder(value.Length);
        output.Append(value, copied, start - copied).Append(replacement);
        copied = end;
    }

    private static bool HasNineDigits(string value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c) && ++digits == 9)
            {
                return true;
            }
        }

        return false;
    }
}
