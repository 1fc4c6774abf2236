using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tributary.Connectors.LenientJson;

/// <summary>Reads a number (a score, a revenue) from a JSON number or text with separators; anything else is absent.</summary>
internal sealed class LenientDoubleConverter : JsonConverter<double?>
{
    public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        LenientToken.Number(ref reader);

    public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
    {
        if (value is { } real)
        {
            writer.WriteNumberValue(real);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
