using System.Text.Json;
using System.Text.Json.Serialization;
using Tributary.Json;

namespace Tributary.Connectors.LenientJson;

/// <summary>
/// Reads a flag that may arrive as text (ZoomInfo writes <c>"false"</c>) or as 1/0; anything else is absent.
/// </summary>
internal sealed class LenientBooleanConverter : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                return reader.GetString()?.Trim().ToLowerInvariant() switch
                {
                    "true" or "yes" or "1" => true,
                    "false" or "no" or "0" => false,
                    _ => null,
                };
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var number) && number is 0 or 1 ? number == 1 : null;
            default:
                reader.SkipValue();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
