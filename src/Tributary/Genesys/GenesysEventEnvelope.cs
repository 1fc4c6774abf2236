using System.Text.Json;
using Tributary.Identifiers;
using Tributary.Json;

namespace Tributary.Host.Genesys;

/// <summary>
/// One Genesys Cloud event as the EventBridge integration delivers it (an API destination posts the envelope as is):
/// <c>{"id", "detail-type", "source", "time", "detail": {"topicName", "eventBody": {…}}}</c>. Read liberally: every
/// member but <c>id</c> optional, names in any case, <c>detail</c> also accepted as a JSON string or as the root
/// itself (a rule's input transformer may forward only it), unknown members ignored.
/// </summary>
/// <param name="Id">The envelope id: the dedup key.</param>
/// <param name="DetailType">The topic pattern, e.g. <c>v2.detail.events.conversation.{id}.customer.start</c>.</param>
/// <param name="Topic">The topic with real ids (<c>detail.topicName</c>), else <paramref name="DetailType"/>.</param>
/// <param name="ConversationId">From the event body.</param>
/// <param name="ParticipantId">From the event body.</param>
/// <param name="Direction"><c>INBOUND</c>, <c>OUTBOUND</c> or <c>UNKNOWN</c>, as sent.</param>
/// <param name="Ani">The caller's address without <c>tel:</c> (or <c>sip:</c> and its host part), e.g. <c>+13175550123</c>.</param>
internal sealed record GenesysEventEnvelope(
    string Id,
    string? DetailType,
    string? Topic,
    string? ConversationId,
    string? ParticipantId,
    string? Direction,
    string? Ani)
{
    private const string CustomerStart = ".customer.start";

    /// <summary>
    /// An inbound conversation's customer leg started, with what the attribute write needs: the only event the
    /// webhook acts on; others are acknowledged and ignored.
    /// </summary>
    public bool IsInboundCustomerStart =>
        (Topic ?? DetailType ?? string.Empty).EndsWith(CustomerStart, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Direction, "INBOUND", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(ConversationId)
        && !string.IsNullOrWhiteSpace(ParticipantId);

    /// <summary>Reads one envelope; throws <see cref="GenesysEnvelopeException"/> naming the problem.</summary>
    public static GenesysEventEnvelope Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.IsEmpty)
        {
            throw new GenesysEnvelopeException("The body is empty; expected an EventBridge envelope.");
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(WholeJson.Readable(utf8Json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            // The reader's message gives a line and byte position, never the content.
            throw new GenesysEnvelopeException($"The body is not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new GenesysEnvelopeException($"The body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}; expected an EventBridge envelope object.");
            }

            var id = Text(root, "id");
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new GenesysEnvelopeException("The envelope has no 'id' (the EventBridge event id, used to recognise a repeated delivery).");
            }

            using var nested = DetailOf(root, out var detail);
            var body = detail.Member("eventBody") is { ValueKind: JsonValueKind.Object } eventBody ? eventBody : default;
            return new GenesysEventEnvelope(
                id.Trim(),
                Text(root, "detail-type") ?? Text(root, "detailType"),
                Text(detail, "topicName") ?? Text(detail, "topic"),
                Text(body, "conversationId"),
                Text(body, "participantId"),
                Text(body, "direction"),
                Address(Text(body, "ani")));
        }
    }

    /// <summary><c>detail</c> as an object; a JSON string holding one is parsed (the returned document); no <c>detail</c> at all: the root.</summary>
    private static JsonDocument? DetailOf(JsonElement root, out JsonElement detail)
    {
        switch (root.Member("detail"))
        {
            case { ValueKind: JsonValueKind.Object } value:
                detail = value;
                return null;
            case { ValueKind: JsonValueKind.String } text:
                try
                {
                    var document = JsonDocument.Parse(text.GetString()!);
                    if (document.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        document.Dispose();
                        throw new GenesysEnvelopeException("The envelope's 'detail' string does not hold a JSON object.");
                    }

                    detail = document.RootElement;
                    return document;
                }
                catch (JsonException ex)
                {
                    throw new GenesysEnvelopeException($"The envelope's 'detail' string is not JSON: {ex.Message}", ex);
                }

            case null:
                detail = root;
                return null;
            case { } other:
                throw new GenesysEnvelopeException($"The envelope's 'detail' is a JSON {other.ValueKind.ToString().ToLowerInvariant()}; expected an object.");
        }
    }

    /// <summary>The number or user part of a <c>tel:</c> or <c>sip:</c> URI (parameters dropped); anything else as sent.</summary>
    private static string? Address(string? uri) =>
        string.IsNullOrWhiteSpace(uri) || TelephoneUri.Number(uri) is not { Length: > 0 } number ? null : number;

    /// <summary>A string member; numbers are taken as their text (liberal), other kinds as absent.</summary>
    private static string? Text(JsonElement element, string name) => element.Member(name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };
}
