using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tributary.Host.Flat;

/// <summary>Accepts <c>["a","b"]</c> or <c>"a,b"</c>: IVR tools often cannot build JSON arrays.</summary>
internal sealed class StringListJsonConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            case JsonTokenType.StartArray:
                var items = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw new JsonException("providers must be strings.");
                    }

                    items.Add(reader.GetString()!.Trim());
                }

                return items;
            default:
                throw new JsonException("providers must be an array of names or a comma-separated string.");
        }
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}
