using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tributary.Host.Flat;

/// <summary>
/// Writes a flat answer from the one field list: every field (never null), then <c>confidence</c>, <c>source</c>,
/// <c>partial</c>, <c>requestId</c> (real-time answers only) and <c>providers</c>. Written member by member, because
/// the custom fields are known only from configuration, so no generated serializer can know the shape.
/// </summary>
internal static class FlatJsonWriter
{
    /// <summary>
    /// How answers are escaped wherever they are written (HTTP, job lines, files, the CLI): only what JSON requires, so
    /// a phone's <c>+</c> and an industry's <c>&amp;</c> read as typed. Answers go out as <c>application/json</c> and are
    /// never inlined into HTML, where the default encoder's extra escaping would matter.
    /// </summary>
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Writer options for a flat answer, whose members are written in a valid order by construction.</summary>
    public static readonly JsonWriterOptions Options = new() { SkipValidation = true, Encoder = Encoder };

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
    public static void WriteMembers(Utf8JsonWriter writer, FlatFields fields, FlatAnswer answer, string? requestId) =>
        WriteMembers(writer, fields, answer, requestId, default, trimProviders: false);

    /// <summary>
    /// As <see cref="WriteMembers(Utf8JsonWriter, FlatFields, FlatAnswer, string?)"/>, with the fields whose index is
    /// true in <paramref name="trimmed"/> written as unknown (<c>""</c> or <c>0</c>), and <c>providers</c> as <c>""</c>
    /// when <paramref name="trimProviders"/>: what <see cref="FlatAnswerTrimmer"/> sends under a size cap.
    /// </summary>
    public static void WriteMembers(Utf8JsonWriter writer, FlatFields fields, FlatAnswer answer, string? requestId, ReadOnlySpan<bool> trimmed, bool trimProviders)
    {
        var profile = answer.Profile;
        var all = fields.Span;
        for (var i = 0; i < all.Length; i++)
        {
            var field = all[i];
            var empty = !trimmed.IsEmpty && trimmed[i];
            if (field.Type == FlatFieldType.Number)
            {
                writer.WriteNumber(field.JsonName, empty ? 0 : field.Number(profile));
            }
            else
            {
                writer.WriteString(field.JsonName, empty ? string.Empty : field.Text(profile));
            }
        }

        writer.WriteNumber(Confidence, answer.Confidence);
        writer.WriteString(Source, answer.Source);
        writer.WriteBoolean(Partial, answer.Partial);
        if (requestId is not null)
        {
            writer.WriteString(RequestId, requestId);
        }

        writer.WriteString(Providers, trimProviders ? string.Empty : answer.Providers);
    }
}
