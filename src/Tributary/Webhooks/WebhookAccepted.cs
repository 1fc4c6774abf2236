namespace Tributary.Host.Webhooks;

/// <summary>The answer to a webhook: <c>202 {"accepted": n}</c> for new events, <c>200 {"duplicate": true}</c> when every event was seen before.</summary>
internal sealed record WebhookAccepted(int Accepted, bool Duplicate);
