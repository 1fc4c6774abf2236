using System.Text.Json;
using Tributary.Json;

namespace Tributary.Connectors.LenientJson;

/// <summary>What the lenient number converters share: reading the current token as a number, writing one back.</summary>
internal static class LenientToken
{
    /// <summary>The token as a finite number: a JSON number, or text <see cref="LenientNumber"/> reads; else null (a structure is skipped).</summary>
    public static double? Number(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetDouble(out var real) && double.IsFinite(real) ? real : null;
            case JsonTokenType.String:
                return LenientNumber.Real(reader.GetString());
            default:
                reader.SkipValue();
                return null;
        }
    }

    /// <summary>The token as a whole number, exact when it is a JSON integer; else as <see cref="Number"/>, rounded and in range.</summary>
    public static long? Whole(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt64(out var whole) => whole,
        JsonTokenType.String => LenientNumber.Whole(reader.GetString()),
        _ => LenientNumber.Whole(Number(ref reader)),
    };

    public static void WriteNumber(Utf8JsonWriter writer, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
