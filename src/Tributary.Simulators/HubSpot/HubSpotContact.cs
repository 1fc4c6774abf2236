namespace Tributary.Simulators.HubSpot;

/// <summary>
/// One contact and the history of each property, newest first. Not thread-safe on its own: the
/// <see cref="HubSpotContactStore"/> holds its lock around every use.
/// </summary>
internal sealed class HubSpotContact(string id, DateTimeOffset createdAt)
{
    private readonly Dictionary<string, List<HubSpotPropertyVersion>> _history = new(StringComparer.Ordinal);

    public string Id { get; } = id;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; private set; } = createdAt;

    /// <summary>The current value, or null when the property was never set or was cleared.</summary>
    public string? Value(string property) =>
        _history.TryGetValue(property, out var versions) && versions[0].Value.Length > 0 ? versions[0].Value : null;

    public IReadOnlyList<HubSpotPropertyVersion> History(string property) =>
        _history.TryGetValue(property, out var versions) ? versions : [];

    /// <summary>Records a new value (an empty string clears the property), newest first.</summary>
    public void Set(string property, string value, DateTimeOffset at, string sourceType, string? sourceId)
    {
        if (!_history.TryGetValue(property, out var versions))
        {
            _history[property] = versions = [];
        }

        versions.Insert(0, new HubSpotPropertyVersion(value, at, sourceType, sourceId));
        if (at > UpdatedAt)
        {
            UpdatedAt = at;
        }
    }

    public HubSpotContactSnapshot Snapshot() => new(
        Id,
        _history.Where(static p => p.Value[0].Value.Length > 0).ToDictionary(static p => p.Key, static p => p.Value[0].Value, StringComparer.Ordinal),
        _history.ToDictionary(static p => p.Key, static p => (IReadOnlyList<HubSpotPropertyVersion>)[.. p.Value], StringComparer.Ordinal));
}
