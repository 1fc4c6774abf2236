using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tributary.Connectors.LenientJson;

/// <summary>Reads a whole number as <see cref="LenientNumber"/> does: anything else, or out of range, is absent.</summary>
internal sealed class LenientInt64Converter : JsonConverter<long?>
{
    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        LenientToken.Whole(ref reader);

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options) =>
        LenientToken.WriteNumber(writer, value);
}
