using System.Text.Json;

namespace Tributary.Host.Outcomes;

/// <summary>
/// An interaction's latest outcome, waiting in the staging table (source <see cref="Source"/>, record id the
/// interaction id) for its disposition to settle. Stored, so a restart loses none; re-staged by a newer outcome, so the
/// last write wins.
/// </summary>
/// <param name="InteractionId">The contact center's interaction id.</param>
/// <param name="ProfileId">The resolved profile it belongs to.</param>
/// <param name="Disposition">The agent's disposition code.</param>
/// <param name="DurationSeconds">How long the interaction lasted.</param>
/// <param name="AgentId">The agent.</param>
/// <param name="Queue">The queue, when given.</param>
/// <param name="Summary">The agent's summary, masked, when given.</param>
/// <param name="ReceivedAt">When this version arrived: it settles <c>Cdp:OutcomeSettleSeconds</c> later.</param>
internal sealed record PendingOutcome(
    string InteractionId,
    string ProfileId,
    string Disposition,
    double DurationSeconds,
    string AgentId,
    string? Queue,
    string? Summary,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The staging source of pending outcomes.</summary>
    public const string Source = "cdp-outcome";

    /// <summary>The dead-letter kind of outcomes Segment refused or kept failing.</summary>
    public const string DeadLetterKind = "cdp-outcome";

    public string ToJson() => JsonSerializer.Serialize(this, OutcomesJsonContext.Default.PendingOutcome);

    /// <summary>The stored outcome, or null when the payload is not one.</summary>
    public static PendingOutcome? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, OutcomesJsonContext.Default.PendingOutcome);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
