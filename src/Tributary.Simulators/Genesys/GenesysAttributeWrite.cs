namespace Tributary.Simulators;

/// <summary>One participant-attributes PATCH the Genesys simulator received.</summary>
/// <param name="ConversationId">From the path.</param>
/// <param name="ParticipantId">From the path.</param>
/// <param name="Attributes">The attributes sent (only when every value was a string; empty otherwise).</param>
/// <param name="Status">What the simulator answered: 202 merged, 400 refused (a value not a string), 404 unknown conversation, 429 the API throttled, or the status a failing conversation was given.</param>
/// <param name="At">When, on the simulator's clock.</param>
public sealed record GenesysAttributeWrite(
    string ConversationId,
    string ParticipantId,
    IReadOnlyDictionary<string, string> Attributes,
    int Status,
    DateTimeOffset At);
