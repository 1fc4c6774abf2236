using System.Text.Json;
using System.Text.Unicode;

namespace Tributary.Json;

/// <summary>
/// A request body read as exactly one JSON value: anything after it (a second value, stray text) is refused. A UTF-8
/// byte-order mark before it is skipped, as RFC 8259 lets a parser do. Bytes that are not UTF-8 are refused here,
/// as a bad body, rather than later, when a string holding them is read.
/// </summary>
internal static class WholeJson
{
    /// <exception cref="JsonException">The body is not UTF-8 JSON, or has content after its value.</exception>
    public static JsonDocument Parse(ReadOnlySpan<byte> utf8Json)
    {
        utf8Json = Readable(utf8Json);
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

    /// <summary><paramref name="utf8Json"/> without a leading byte-order mark, once known to be UTF-8.</summary>
    /// <exception cref="JsonException">Some bytes are not UTF-8.</exception>
    public static ReadOnlySpan<byte> Readable(ReadOnlySpan<byte> utf8Json) =>
        Utf8.IsValid(utf8Json) ? WithoutByteOrderMark(utf8Json) : throw new JsonException("The body is not valid UTF-8.");

    /// <summary><paramref name="utf8Json"/> without a leading UTF-8 byte-order mark.</summary>
    public static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> utf8Json) =>
        utf8Json.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;
}
