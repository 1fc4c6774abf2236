namespace Tributary.Simulators;

/// <summary>One entry of a HubSpot property's history, as <c>propertiesWithHistory</c> answers it.</summary>
/// <param name="Value">The value set; an empty string when it was cleared.</param>
/// <param name="Timestamp">When it was set.</param>
/// <param name="SourceType">Who set it: <c>CRM_UI</c> and <c>IMPORT</c> are people; <c>INTEGRATION</c>, <c>API</c> are programs.</param>
/// <param name="SourceId">The user, app or import behind it, when HubSpot names one.</param>
public sealed record HubSpotPropertyVersion(string Value, DateTimeOffset Timestamp, string SourceType, string? SourceId);
