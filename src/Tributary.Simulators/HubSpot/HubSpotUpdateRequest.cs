namespace Tributary.Simulators.HubSpot;

/// <summary>A batch update: <c>{inputs:[{id, properties{}}]}</c>.</summary>
internal sealed record HubSpotUpdateRequest(IReadOnlyList<HubSpotContactWrite> Inputs);
