using System.Text.Json;

namespace Tributary.Simulators.ZoomInfo;

/// <summary>
/// The legacy enrich envelope: <c>{"success":true,"data":{"outputFields":[[…]],"result":[…]}}</c>, one
/// result per input in the order given, each echoing its input with lower-cased keys.
/// </summary>
internal static class ZoomInfoEnrichResponse
{
    public static void Write<T>(Utf8JsonWriter writer, (JsonElement Input, T? Record)[] results, ZoomInfoOutputFields fields, Action<ZoomInfoRecordWriter, T> writeRecord)
        where T : class
    {
        writer.WriteStartObject();
        writer.WriteBoolean("success", true);
        writer.WriteStartObject("data");
        writer.WriteStartArray("outputFields");
        writer.WriteStartArray();
        foreach (var field in fields.Requested)
        {
            writer.WriteStringValue(field.ToLowerInvariant());
        }

        writer.WriteEndArray();
        writer.WriteEndArray();
        writer.WriteStartArray("result");
        var record = new ZoomInfoRecordWriter(writer, fields);
        foreach (var (input, match) in results)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("input");
            WriteLowerCasedInput(writer, input);
            writer.WriteStartArray("data");
            if (match is not null)
            {
                writeRecord(record, match);
            }

            writer.WriteEndArray();
            writer.WriteString("matchStatus", match is null ? "NO_MATCH" : "FULL_MATCH");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteLowerCasedInput(Utf8JsonWriter writer, JsonElement input)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            input.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        foreach (var property in input.EnumerateObject())
        {
            writer.WritePropertyName(property.Name.ToLowerInvariant());
            property.Value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
