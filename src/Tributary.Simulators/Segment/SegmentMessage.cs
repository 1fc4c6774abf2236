using System.Text.Json;

namespace Tributary.Simulators;

/// <summary>
/// A message the Segment simulator accepted, as received (a batch's top-level <c>context</c> merged in, as Segment
/// does). Members are null when the message did not carry them.
/// </summary>
/// <param name="Type">track, identify, page, screen, group or alias.</param>
/// <param name="MessageId">What Segment deduplicates on.</param>
/// <param name="UserId">The user id.</param>
/// <param name="AnonymousId">The anonymous id.</param>
/// <param name="Event">The event name of a track.</param>
/// <param name="Timestamp">The <c>timestamp</c> member as sent.</param>
/// <param name="Properties">A track's <c>properties</c>, else an undefined element.</param>
/// <param name="Traits">An identify's <c>traits</c>, else an undefined element.</param>
/// <param name="Context">The <c>context</c>, else an undefined element.</param>
/// <param name="Json">The whole message as JSON.</param>
/// <param name="Path">Where it arrived: <c>/v1/track</c>, <c>/v1/batch</c>, ….</param>
/// <param name="ReceivedAt">When the simulator accepted it (its clock).</param>
public sealed record SegmentMessage(
    string Type,
    string? MessageId,
    string? UserId,
    string? AnonymousId,
    string? Event,
    string? Timestamp,
    JsonElement Properties,
    JsonElement Traits,
    JsonElement Context,
    string Json,
    string Path,
    DateTimeOffset ReceivedAt);
