using System.Buffers;
using System.Text.Json;
using Tributary.Host.Crm;

namespace Tributary.Host.HubSpot;

/// <summary>The exact bodies the client sends: batch read and batch update of contacts.</summary>
internal static class HubSpotRequestBodies
{
    /// <summary><c>{properties[], propertiesWithHistory[], inputs:[{id}]}</c>.</summary>
    public static byte[] Read(IEnumerable<string> ids, IEnumerable<string> properties, IEnumerable<string> withHistory) => Write(writer =>
    {
        writer.WriteStartObject();
        WriteArray(writer, "properties", properties);
        WriteArray(writer, "propertiesWithHistory", withHistory);
        writer.WriteStartArray("inputs");
        foreach (var id in ids)
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary><c>{inputs:[{id, properties{}}]}</c>, one input per record.</summary>
    public static byte[] Update(IEnumerable<CrmUpdate> updates) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("inputs");
        foreach (var update in updates)
        {
            writer.WriteStartObject();
            writer.WriteString("id", update.Id);
            writer.WriteStartObject("properties");
            foreach (var (property, value) in update.Fields)
            {
                writer.WriteString(property, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
