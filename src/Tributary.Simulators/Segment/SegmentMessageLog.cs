using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tributary.Simulators.Segment;

/// <summary>Every message the simulator accepted, in order, and how many it dropped as Segment does (silently, with 200).</summary>
internal sealed class SegmentMessageLog(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<SegmentMessage> _messages = [];
    private int _dropped;

    public IReadOnlyList<SegmentMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public int Dropped => Volatile.Read(ref _dropped);

    /// <summary>Records a message, or counts it dropped when it lacks what Segment needs (type, an id, a track's event).</summary>
    public void Accept(JsonObject message, string path)
    {
        var type = Text(message, "type");
        var userId = Text(message, "userId");
        var anonymousId = Text(message, "anonymousId");
        var eventName = Text(message, "event");
        if (type is null || (userId is null && anonymousId is null) || (type == "track" && eventName is null))
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        using var document = JsonDocument.Parse(message.ToJsonString());
        var root = document.RootElement;
        var recorded = new SegmentMessage(type, Text(message, "messageId"), userId, anonymousId, eventName, Text(message, "timestamp"),
            Member(root, "properties"), Member(root, "traits"), Member(root, "context"), root.GetRawText(), path, time.GetUtcNow());
        lock (_gate)
        {
            _messages.Add(recorded);
        }
    }

    public void Drop(int count) => Interlocked.Add(ref _dropped, count);

    public void Clear()
    {
        lock (_gate)
        {
            _messages.Clear();
            _dropped = 0;
        }
    }

    private static JsonElement Member(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.Clone() : default;

    private static string? Text(JsonObject message, string name) =>
        message[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
