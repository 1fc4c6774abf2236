using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tributary.Host.Crm;

namespace Tributary.Host.Salesforce;

/// <summary>
/// The update collection sent: <c>{"allOrNone": …, "records": [{"attributes": {"type": "Contact"}, "id": "003…",
/// "Title": "…"}]}</c>. An empty value is sent as null (Salesforce clears a field with null, and refuses "" for a
/// number); a value of a numeric field is sent as a JSON number when it reads as one.
/// </summary>
internal static class SalesforceRequestBodies
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Update(IReadOnlyList<CrmUpdate> updates, bool allOrNone, Func<string, string, bool> isNumeric)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("allOrNone", allOrNone);
            writer.WriteStartArray("records");
            foreach (var update in updates)
            {
                writer.WriteStartObject();
                writer.WriteStartObject("attributes");
                writer.WriteString("type", update.ObjectType);
                writer.WriteEndObject();
                writer.WriteString("id", update.Id);
                foreach (var (field, value) in update.Fields)
                {
                    if (string.IsNullOrEmpty(value))
                    {
                        writer.WriteNull(field);
                    }
                    else if (isNumeric(update.ObjectType, field) && decimal.TryParse(value, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number))
                    {
                        writer.WriteNumber(field, number);
                    }
                    else
                    {
                        writer.WriteString(field, value);
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
