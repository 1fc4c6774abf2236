using System.Text.Json;
using Tributary.Json;

namespace Tributary.Host.HubSpot;

/// <summary>
/// Reads a HubSpot webhook body (a JSON array of events) into the events that stage a contact: every
/// <c>contact.creation</c>, and <c>contact.propertyChange</c> of a trigger property. Other events are acknowledged and
/// ignored, as are events without an <c>objectId</c> or <c>eventId</c> and elements that are not objects. Ids and times
/// may be numbers or text.
/// </summary>
internal static class HubSpotWebhookEvents
{
    public const string Creation = "contact.creation";
    public const string PropertyChange = "contact.propertyChange";

    /// <summary>The staging events of <paramref name="body"/>, in order.</summary>
    /// <exception cref="HubSpotWebhookFormatException">The body is not JSON or not an array.</exception>
    public static IReadOnlyList<HubSpotWebhookEvent> Parse(ReadOnlySpan<byte> body, IReadOnlyCollection<string> triggerProperties)
    {
        ArgumentNullException.ThrowIfNull(triggerProperties);
        JsonDocument document;
        try
        {
            document = WholeJson.Parse(body);
        }
        catch (JsonException exception)
        {
            // The reader's message gives a line and byte position (or the depth it stopped at), never the content.
            throw new HubSpotWebhookFormatException($"The HubSpot webhook body is not one JSON value: {exception.Message}", exception);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new HubSpotWebhookFormatException("The HubSpot webhook body is not a JSON array of events.");
            }

            var events = new List<HubSpotWebhookEvent>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                // An element that is no event is skipped like an event of another type: HubSpot never resends a
                // delivery answered 400, and the batch's readable events would go with it.
                if (item.ValueKind == JsonValueKind.Object && Read(item, triggerProperties) is { } read)
                {
                    events.Add(read);
                }
            }

            return events;
        }
    }

    private static HubSpotWebhookEvent? Read(JsonElement item, IReadOnlyCollection<string> triggers)
    {
        var type = Text(item, "subscriptionType");
        var property = Text(item, "propertyName");
        var stages = string.Equals(type, Creation, StringComparison.OrdinalIgnoreCase)
            || (string.Equals(type, PropertyChange, StringComparison.OrdinalIgnoreCase)
                && property is not null && triggers.Contains(property, StringComparer.OrdinalIgnoreCase));
        if (Text(item, "objectId") is not { } objectId || Text(item, "eventId") is not { } eventId)
        {
            return null;
        }

        var key = eventId + ":" + objectId + ":" + (Text(item, "occurredAt") ?? "");
        var isCreation = string.Equals(type, Creation, StringComparison.OrdinalIgnoreCase);
        return new HubSpotWebhookEvent(key, objectId, type ?? "", isCreation ? null : property, Text(item, "changeSource"), stages);
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text.Trim() : null,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
