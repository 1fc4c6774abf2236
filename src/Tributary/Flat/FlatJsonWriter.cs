using System.Text.Json;

namespace Tributary.Host.Flat;

/// <summary>
/// Writes a flat answer from the one field list: every field (never null), then <c>confidence</c>, <c>source</c>,
/// <c>partial</c>, <c>requestId</c> (real-time answers only) and <c>providers</c>. Written member by member, because
/// the custom fields are known only from configuration, so no generated serializer can know the shape.
/// </summary>
internal static class FlatJsonWriter
{
    private static readonly JsonEncodedText Confidence = JsonEncodedText.Encode("confidence");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText Partial = JsonEncodedText.Encode("partial");
    private static readonly JsonEncodedText RequestId = JsonEncodedText.Encode("requestId");
    private static readonly JsonEncodedText Providers = JsonEncodedText.Encode("providers");

    /// <summary>The whole <c>/v1/enrich</c> object.</summary>
    public static void WriteObject(Utf8JsonWriter writer, FlatFields fields, FlatAnswer answer, string requestId)
    {
        writer.WriteStartObject();
        WriteMembers(writer, fields, answer, requestId);
        writer.WriteEndObject();
    }

    /// <summary>The members of a flat answer, into an object the caller has started; <paramref name="requestId"/> null leaves it out.</summary>
    public static void WriteMembers(Utf8JsonWriter writer, FlatFields fields, FlatAnswer answer, string? requestId)
    {
        var profile = answer.Profile;
        foreach (var field in fields.Span)
        {
            if (field.Type == FlatFieldType.Number)
            {
                writer.WriteNumber(field.JsonName, field.Number(profile));
            }
            else
            {
                writer.WriteString(field.JsonName, field.Text(profile));
            }
        }

        writer.WriteNumber(Confidence, answer.Confidence);
        writer.WriteString(Source, answer.Source);
        writer.WriteBoolean(Partial, answer.Partial);
        if (requestId is not null)
        {
            writer.WriteString(RequestId, requestId);
        }

        writer.WriteString(Providers, answer.Providers);
    }
}
