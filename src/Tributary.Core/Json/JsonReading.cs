using System.Text.Json;

namespace Tributary.Json;

/// <summary>
/// Reading helpers for converters. Skips a value a converter does not read: <see cref="Utf8JsonReader.Skip"/> refuses to run on a partial buffer, even
/// for a lone <c>true</c>: what a converter sees once a streamed answer is longer than the serializer's first buffer
/// (16 KB). The serializer buffers a whole object or array before it calls a custom converter, so a try always completes.
/// </summary>
internal static class JsonReading
{
    public static void SkipValue(ref this Utf8JsonReader reader)
    {
        if (!reader.TrySkip())
        {
            throw new JsonException("A value ended before the whole of it was received.");
        }
    }

    /// <summary>The texts of the array the reader is at, leaving out entries that are not text; the reader ends on its end.</summary>
    public static List<string> ReadTexts(ref this Utf8JsonReader reader)
    {
        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                items.Add(reader.GetString()!);
            }
            else
            {
                reader.SkipValue();
            }
        }

        return items;
    }
}
