using System.Globalization;
using System.Text.Json;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.HubSpot;

/// <summary>
/// HubSpot's batch answer: <c>{status:"COMPLETE", results:[{id, properties, propertiesWithHistory?, createdAt,
/// updatedAt, archived}], numErrors?, errors?, requestedAt, startedAt, completedAt}</c>. Requested properties without a
/// value are <c>null</c>; unknown ones are left out; <c>status</c> stays COMPLETE on a 207, as HubSpot's does.
/// </summary>
internal static class HubSpotContactJson
{
    private static readonly string[] AlwaysReturned = ["createdate", "hs_object_id", "lastmodifieddate"];

    public static int WriteBatch(Utf8JsonWriter writer, HubSpotBatchAnswer answer, IReadOnlyList<string> properties, IReadOnlyList<string> withHistory)
    {
        var returned = properties.Where(HubSpotContactStore.IsKnown).Union(AlwaysReturned, StringComparer.Ordinal).ToList();
        writer.WriteStartObject();
        writer.WriteString("status", "COMPLETE");
        writer.WriteStartArray("results");
        foreach (var contact in answer.Results)
        {
            WriteContact(writer, contact, returned, withHistory);
        }

        writer.WriteEndArray();
        if (answer.Errors.Count > 0)
        {
            writer.WriteNumber("numErrors", answer.Errors.Count);
            writer.WriteStartArray("errors");
            foreach (var error in answer.Errors)
            {
                WriteError(writer, error);
            }

            writer.WriteEndArray();
        }

        writer.WriteString("requestedAt", Timestamp(answer.At));
        writer.WriteString("startedAt", Timestamp(answer.At));
        writer.WriteString("completedAt", Timestamp(answer.At));
        writer.WriteEndObject();
        return 0;
    }

    private static void WriteContact(Utf8JsonWriter writer, HubSpotContact contact, IReadOnlyList<string> returned, IReadOnlyList<string> withHistory)
    {
        writer.WriteStartObject();
        writer.WriteString("id", contact.Id);
        writer.WriteStartObject("properties");
        foreach (var property in returned)
        {
            var value = property switch
            {
                "hs_object_id" => contact.Id,
                "createdate" => Timestamp(contact.CreatedAt),
                "lastmodifieddate" or "hs_lastmodifieddate" => Timestamp(contact.UpdatedAt),
                _ => contact.Value(property),
            };
            writer.WriteString(property, value);
        }

        writer.WriteEndObject();
        var histories = withHistory.Where(HubSpotContactStore.IsKnown).Select(p => (p, contact.History(p))).Where(static h => h.Item2.Count > 0).ToList();
        if (histories.Count > 0)
        {
            writer.WriteStartObject("propertiesWithHistory");
            foreach (var (property, versions) in histories)
            {
                writer.WriteStartArray(property);
                foreach (var version in versions)
                {
                    writer.WriteStartObject();
                    writer.WriteString("value", version.Value);
                    writer.WriteString("timestamp", Timestamp(version.Timestamp));
                    writer.WriteString("sourceType", version.SourceType);
                    if (version.SourceId is { } sourceId)
                    {
                        writer.WriteString("sourceId", sourceId);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteString("createdAt", Timestamp(contact.CreatedAt));
        writer.WriteString("updatedAt", Timestamp(contact.UpdatedAt));
        writer.WriteBoolean("archived", false);
        writer.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter writer, HubSpotBatchError error)
    {
        writer.WriteStartObject();
        writer.WriteString("status", "error");
        writer.WriteString("category", error.Category);
        writer.WriteString("message", error.Message);
        writer.WriteStartObject("context");
        writer.WriteStringArray("ids", error.Ids);
        if (error.PropertyNames is { } names)
        {
            writer.WriteStringArray("propertyName", names);
        }

        writer.WriteEndObject();
        writer.WriteEmptyObject("links");
        writer.WriteEndObject();
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
