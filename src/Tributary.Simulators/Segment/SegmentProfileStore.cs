using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tributary.Simulators.Segment;

/// <summary>Traits per user id, in the order they were set (which is the order the Profile API pages them in).</summary>
internal sealed class SegmentProfileStore
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<KeyValuePair<string, JsonElement>>> _profiles = new(StringComparer.Ordinal);

    public void Set(string userId, JsonObject traits)
    {
        using var document = JsonDocument.Parse(traits.ToJsonString());
        _profiles[userId] = [.. document.RootElement.EnumerateObject().Select(static t => KeyValuePair.Create(t.Name, t.Value.Clone()))];
    }

    public bool Remove(string userId) => _profiles.TryRemove(userId, out _);

    public IReadOnlyList<KeyValuePair<string, JsonElement>>? Get(string userId) => _profiles.GetValueOrDefault(userId);
}
