namespace Tributary.Simulators.HubSpot;

/// <summary>A batch read: <c>{properties[], propertiesWithHistory[], idProperty?, inputs:[{id}]}</c>.</summary>
internal sealed record HubSpotReadRequest(IReadOnlyList<string> Properties, IReadOnlyList<string> PropertiesWithHistory, string? IdProperty, IReadOnlyList<string> Ids);
