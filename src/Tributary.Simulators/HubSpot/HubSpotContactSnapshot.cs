namespace Tributary.Simulators;

/// <summary>A copy of one simulated HubSpot contact.</summary>
/// <param name="Id">The contact id (<c>hs_object_id</c>).</param>
/// <param name="Properties">Current value of every property that has one (cleared properties are absent).</param>
/// <param name="History">Every property's history, newest first.</param>
public sealed record HubSpotContactSnapshot(
    string Id,
    IReadOnlyDictionary<string, string> Properties,
    IReadOnlyDictionary<string, IReadOnlyList<HubSpotPropertyVersion>> History);
