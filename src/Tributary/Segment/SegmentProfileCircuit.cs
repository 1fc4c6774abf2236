using Polly.CircuitBreaker;

namespace Tributary.Host.Segment;

/// <summary>
/// The state of the Profile API's circuit breaker (the one in the <c>segment-profiles</c> pipeline), for the profile
/// service to tell "serve the last copy" from "ask Segment".
/// </summary>
internal sealed class SegmentProfileCircuit
{
    /// <summary>Bound to the breaker when the pipeline is first built; reads Closed until then.</summary>
    public CircuitBreakerStateProvider State { get; } = new();

    /// <summary>Open (or isolated): calls fail at once without reaching Segment. Half-open lets a probe through and reads false.</summary>
    public bool IsOpen => State.CircuitState is CircuitState.Open or CircuitState.Isolated;
}
