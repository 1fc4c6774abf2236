using System.Text.Json;
using Tributary.Json;

namespace Tributary.Host.Salesforce;

/// <summary>
/// Reads Change Data Capture events relayed as JSON: the CometD envelope (<c>{"data": {"payload": {"ChangeEventHeader":
/// …}}}</c>, as <c>payloads/salesforce-cdc-event.json</c>), its <c>data</c> object, its bare <c>payload</c>, or a JSON
/// array of any of these. Every CREATE and UPDATE (and their GAP_ forms, which say "something changed, read it") of a
/// Contact or Lead stages each of its <c>recordIds</c>. Remembered but not staged, so a replay is a duplicate: other
/// objects, other change types (DELETE, UNDELETE, GAP_OVERFLOW), and changes whose <c>changeOrigin</c> names Tributary
/// (<c>client=tributary</c>, or <c>client=</c> its connected app's id): those are our own write-backs, and staging them
/// would loop. Ignored, and acknowledged: events without a <c>transactionKey</c> and messages that are not change
/// events (a platform event).
/// </summary>
internal static class SalesforceChangeEvents
{
    private static readonly HashSet<string> StagingChangeTypes = new(StringComparer.OrdinalIgnoreCase) { "CREATE", "UPDATE", "GAP_CREATE", "GAP_UPDATE" };

    /// <summary>The records <paramref name="body"/> names, in order, each once; those it does not stage have no object type.</summary>
    /// <exception cref="SalesforceChangeEventFormatException">The body is not JSON, or is one message that is not a change-event object.</exception>
    public static IReadOnlyList<SalesforceChange> Parse(ReadOnlySpan<byte> body, string? ownClientId)
    {
        JsonDocument document;
        try
        {
            document = WholeJson.Parse(body);
        }
        catch (JsonException exception)
        {
            // The reader's message gives a line and byte position (or the depth it stopped at), never the content.
            throw new SalesforceChangeEventFormatException($"The Salesforce change-event body is not one JSON value: {exception.Message}", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            // In an array, a message that cannot be read is skipped, not the whole delivery: its readable events are
            // staged. A body that is one unreadable message is refused, so its sender learns why.
            IEnumerable<JsonElement?> payloads = root.ValueKind switch
            {
                JsonValueKind.Array => root.EnumerateArray().Select(static message => Payload(message).Payload),
                JsonValueKind.Object => [Payload(root) switch
                {
                    (var payload, null) => payload,
                    (_, var problem) => throw new SalesforceChangeEventFormatException(problem),
                }],
                _ => throw new SalesforceChangeEventFormatException("The Salesforce change-event body is not a JSON object or array."),
            };

            var changes = new List<SalesforceChange>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var payload in payloads)
            {
                foreach (var change in Read(payload, ownClientId))
                {
                    if (seen.Add(change.DedupKey))
                    {
                        changes.Add(change);
                    }
                }
            }

            return changes;
        }
    }

    /// <summary>
    /// The payload of an envelope, a <c>data</c> object or a bare payload; no payload for a message that is not a change
    /// event; and why, for a message that cannot be read as one.
    /// </summary>
    private static (JsonElement? Payload, string? Problem) Payload(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            return (null, "The Salesforce change-event body holds a message that is not a JSON object.");
        }

        if (message.TryGetProperty("ChangeEventHeader", out _))
        {
            return (message, null);
        }

        var data = message.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : message;
        if (data.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object)
        {
            return (payload.TryGetProperty("ChangeEventHeader", out _) ? payload : null, null);
        }

        return (null, "The Salesforce change-event body holds an object that is neither an event envelope nor a payload.");
    }

    private static IEnumerable<SalesforceChange> Read(JsonElement? payload, string? ownClientId)
    {
        if (payload is not { } p || !p.TryGetProperty("ChangeEventHeader", out var header) || header.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        var transactionKey = Text(header, "transactionKey");
        if (transactionKey is null || !header.TryGetProperty("recordIds", out var ids) || ids.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        var changeType = Text(header, "changeType");
        var staged = changeType is not null && StagingChangeTypes.Contains(changeType) && !IsOwn(Text(header, "changeOrigin"), ownClientId)
            ? SalesforceObjects.Canonical(Text(header, "entityName"))
            : null;
        foreach (var id in ids.EnumerateArray())
        {
            if (id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } recordId)
            {
                yield return new SalesforceChange(transactionKey + ":" + recordId, recordId, staged);
            }
        }
    }

    /// <summary>Whether <c>changeOrigin</c> (<c>com/salesforce/api/rest/62.0;client=…</c>) names Tributary's call options or client id.</summary>
    private static bool IsOwn(string? changeOrigin, string? ownClientId)
    {
        if (changeOrigin is null)
        {
            return false;
        }

        foreach (var part in changeOrigin.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (string.Equals(part, SalesforceApi.CallOptions, StringComparison.OrdinalIgnoreCase)
                || (!string.IsNullOrEmpty(ownClientId) && string.Equals(part, "client=" + ownClientId, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
