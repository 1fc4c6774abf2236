using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tributary.Connectors.LenientJson;

/// <summary>Reads a whole number (a founded year, a status) as <see cref="LenientNumber"/> does: out of the int range, it is absent.</summary>
internal sealed class LenientInt32Converter : JsonConverter<int?>
{
    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        LenientToken.Whole(ref reader) is { } whole and >= int.MinValue and <= int.MaxValue ? (int)whole : null;

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options) =>
        LenientToken.WriteNumber(writer, value);
}
