using System.Text.Json;

namespace Tributary.Simulators.PeopleDataLabs;

/// <summary>One entry of a bulk answer: a match, or the status and error the single call would have returned.</summary>
internal sealed record PdlBulkItem<T>(int Status, T? Match, string? ErrorType, JsonElement? Metadata)
    where T : class
{
    public static PdlBulkItem<T> Found(T match, JsonElement? metadata) => new(200, match, null, metadata);

    public static PdlBulkItem<T> Failed(int status, string type, JsonElement? metadata) => new(status, null, type, metadata);

    /// <summary>Writes a failed entry: <c>{"status","error":{"type","message"},"metadata"}</c>.</summary>
    public void WriteError(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("status", Status);
        writer.WriteStartObject("error");
        writer.WriteString("type", ErrorType);
        writer.WriteString("message", Status switch
        {
            404 => PdlErrors.NotFoundMessage,
            402 => "You have reached your account maximum (all matches used)",
            _ => "The request parameters are invalid.",
        });
        writer.WriteEndObject();
        WriteMetadata(writer);
        writer.WriteEndObject();
    }

    public void WriteMetadata(Utf8JsonWriter writer)
    {
        if (Metadata is { } metadata)
        {
            writer.WritePropertyName("metadata");
            metadata.WriteTo(writer);
        }
    }
}
