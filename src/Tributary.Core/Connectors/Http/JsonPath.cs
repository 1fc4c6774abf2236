using System.Globalization;
using System.Text.Json;
using Tributary.Json;

namespace Tributary.Connectors.Http;

/// <summary>
/// A configured path into a JSON answer: property names separated by dots, each optionally followed by array
/// indexes (<c>data.customer.tier</c>, <c>emails[0].address</c>, <c>[0].name</c>); a leading <c>$.</c> is allowed.
/// Parsed once at start; property names match exactly, then regardless of case.
/// </summary>
internal sealed class JsonPath
{
    private readonly Step[] _steps;

    private JsonPath(string text, Step[] steps)
    {
        Text = text;
        _steps = steps;
    }

    public string Text { get; }

    public static bool TryParse(string? text, out JsonPath path)
    {
        path = null!;
        var trimmed = text?.Trim() ?? string.Empty;
        var body = trimmed.StartsWith("$.", StringComparison.Ordinal) ? trimmed[2..] : trimmed.StartsWith('$') ? trimmed[1..] : trimmed;
        if (body.Length == 0)
        {
            return false;
        }

        var steps = new List<Step>();
        var i = 0;
        while (i < body.Length)
        {
            if (body[i] == '[')
            {
                var close = body.IndexOf(']', i);
                if (close < 0 || !int.TryParse(body.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return false;
                }

                steps.Add(new Step(null, index));
                i = close + 1;
                if (i < body.Length && body[i] == '.')
                {
                    // A dot after an index must lead to a property name.
                    if (++i == body.Length)
                    {
                        return false;
                    }
                }
            }
            else
            {
                var end = body.IndexOfAny(['.', '[', ']'], i);
                end = end < 0 ? body.Length : end;
                if (end == i || (end < body.Length && body[end] == ']'))
                {
                    return false;
                }

                steps.Add(new Step(body[i..end], null));
                i = end;
                if (i < body.Length && body[i] == '.' && ++i == body.Length)
                {
                    return false;
                }
            }
        }

        path = new JsonPath(trimmed, [.. steps]);
        return true;
    }

    /// <summary>The element at this path; false when any step is missing or the value there is null.</summary>
    public bool TryEvaluate(JsonElement root, out JsonElement value)
    {
        value = root;
        foreach (var step in _steps)
        {
            if (step.Property is { } name)
            {
                if (value.Member(name) is not { } member)
                {
                    return false;
                }

                value = member;
            }
            else if (value.ValueKind != JsonValueKind.Array || step.Index >= value.GetArrayLength())
            {
                return false;
            }
            else
            {
                value = value[step.Index!.Value];
            }
        }

        return value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
    }

    public override string ToString() => Text;

    private readonly record struct Step(string? Property, int? Index);
}
