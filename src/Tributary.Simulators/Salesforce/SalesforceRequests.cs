using System.Text.Json;

namespace Tributary.Simulators.Salesforce;

/// <summary>Reads an update collection body, <c>{"allOrNone": bool, "records": [{"attributes": {"type"}, "id", field: value…}]}</c>.</summary>
internal static class SalesforceRequests
{
    /// <summary>The parsed collection, or the reason it is not one (answered 400 <c>JSON_PARSER_ERROR</c>).</summary>
    public static (bool AllOrNone, IReadOnlyList<SalesforceRecordChange>? Records, string? Error) ParseUpdate(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            return (false, null, "The request body must be an object with a 'records' array.");
        }

        var allOrNone = false;
        if (root.TryGetProperty("allOrNone", out var flag))
        {
            if (flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return (false, null, "Cannot deserialize instance of boolean from " + flag.ValueKind + " value for 'allOrNone'.");
            }

            allOrNone = flag.GetBoolean();
        }

        var changes = new List<SalesforceRecordChange>();
        foreach (var record in records.EnumerateArray())
        {
            if (record.ValueKind != JsonValueKind.Object)
            {
                return (allOrNone, null, "Each record must be a JSON object.");
            }

            string? type = null;
            string? id = null;
            var fields = new List<KeyValuePair<string, string?>>();
            foreach (var property in record.EnumerateObject())
            {
                if (property.NameEquals("attributes"))
                {
                    type = property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                        ? t.GetString()
                        : null;
                }
                else if (string.Equals(property.Name, "id", StringComparison.OrdinalIgnoreCase))
                {
                    id = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                }
                else if (Text(property.Value, out var value))
                {
                    fields.Add(KeyValuePair.Create(property.Name, value));
                }
                else
                {
                    return (allOrNone, null, $"Cannot deserialize instance of field '{property.Name}' from a JSON {property.Value.ValueKind}.");
                }
            }

            changes.Add(new SalesforceRecordChange(type, id, fields));
        }

        return (allOrNone, changes, null);
    }

    private static bool Text(JsonElement value, out string? text)
    {
        text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Undefined);
    }
}
