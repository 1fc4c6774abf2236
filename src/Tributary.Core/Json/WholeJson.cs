using System.Text.Json;

namespace Tributary.Json;

/// <summary>
/// A request body read as exactly one JSON value: anything after it (a second value, stray text) is refused. A UTF-8
/// byte-order mark before it is skipped, as RFC 8259 lets a parser do.
/// </summary>
internal static class WholeJson
{
    /// <exception cref="JsonException">The body is not JSON, or has content after its value.</exception>
    public static JsonDocument Parse(ReadOnlySpan<byte> utf8Json)
    {
        utf8Json = WithoutByteOrderMark(utf8Json);
        var reader = new Utf8JsonReader(utf8Json);
        var document = JsonDocument.ParseValue(ref reader);
        try
        {
            if (reader.Read())
            {
                throw new JsonException("There is content after the JSON value.");
            }
        }
        catch
        {
            document.Dispose();
            throw;
        }

        return document;
    }

    /// <summary><paramref name="utf8Json"/> without a leading UTF-8 byte-order mark.</summary>
    public static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> utf8Json) =>
        utf8Json.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;
}
