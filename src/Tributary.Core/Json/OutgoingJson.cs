using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tributary.Json;

/// <summary>
/// A JSON request body serialized up front. Its length is known, so it goes with <c>Content-Length</c> rather than
/// chunked (some API gateways answer a chunked POST with <c>411</c>), and its bytes can be sent again by a retry.
/// </summary>
public static class OutgoingJson
{
    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    public static ByteArrayContent Create<T>(T value, JsonTypeInfo<T> type) => Of(Serialize(value, type));

    /// <summary>A new content over <paramref name="utf8"/>: a request disposes its content, so each send needs its own.</summary>
    public static ByteArrayContent Of(byte[] utf8) =>
        new(utf8) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };
}
