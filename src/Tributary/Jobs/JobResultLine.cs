using System.Buffers;
using System.Text;
using System.Text.Json;
using Tributary.Host.BatchPump;
using Tributary.Host.Flat;
using Tributary.Storage;

namespace Tributary.Host.Jobs;

/// <summary>
/// One line of <c>GET /v1/jobs/{id}/results</c>: the record's index, the caller's own <c>id</c> and
/// <c>externalId</c> when the record has them (so an unmatched record is identifiable without counting lines), its
/// status and the reason a record was rejected or failed (<c>""</c> for the others: nothing in a line is null), then the flat answer of <c>/v1/enrich</c> (every field,
/// <c>""</c> or <c>0</c> when unknown; <c>confidence</c>, <c>source</c>, <c>partial</c>, <c>providers</c>).
/// </summary>
internal static class JobResultLine
{
    private static readonly JsonEncodedText Index = JsonEncodedText.Encode("index");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");

    /// <summary>The members echoed from the submitted record, in this order.</summary>
    public static readonly string[] EchoedMembers = ["id", "externalId"];

    public static string Write(FlatFields fields, int index, string record, RecordOutcome outcome, FlatAnswer? flat, string? reason)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, FlatJsonWriter.Options))
        {
            json.WriteStartObject();
            json.WriteNumber(Index, index);
            EchoIds(json, record);
            json.WriteString(Status, RecordStatus.Of(outcome));
            json.WriteString(Reason, reason ?? string.Empty);
            FlatJsonWriter.WriteMembers(json, fields, flat ?? FlatAnswer.None, requestId: null);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Copies the record's top-level <c>id</c> and <c>externalId</c> when they are strings or numbers, as they were sent.</summary>
    private static void EchoIds(Utf8JsonWriter json, string record)
    {
        // Submitted records were checked to be objects when the job was accepted; most have no id to parse for.
        if (!EchoedMembers.Any(member => record.Contains($"\"{member}\"", StringComparison.Ordinal)))
        {
            return;
        }

        using var document = JsonDocument.Parse(record);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var member in EchoedMembers)
        {
            if (document.RootElement.TryGetProperty(member, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                json.WritePropertyName(member);
                value.WriteTo(json);
            }
        }
    }
}
