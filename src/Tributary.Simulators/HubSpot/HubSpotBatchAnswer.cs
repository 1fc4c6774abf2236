namespace Tributary.Simulators.HubSpot;

/// <summary>What a batch call answers: the contacts read or written, and the errors of the rest.</summary>
internal sealed record HubSpotBatchAnswer(IReadOnlyList<HubSpotContact> Results, IReadOnlyList<HubSpotBatchError> Errors, DateTimeOffset At);
