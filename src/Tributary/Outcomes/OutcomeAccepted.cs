namespace Tributary.Host.Outcomes;

/// <summary>The <c>202</c> answer: the outcome is stored and will be sent at <paramref name="SettlesAt"/> unless a newer one arrives.</summary>
internal sealed record OutcomeAccepted(string InteractionId, string ProfileId, DateTimeOffset SettlesAt);
