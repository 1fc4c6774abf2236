using System.Text.Json.Serialization;

namespace Tributary.Host.Webhooks;

/// <summary>The answer to a webhook: <c>202 {"accepted": n, "duplicate": false}</c> for new events, <c>200 {"duplicate": true}</c> when every event was seen before.</summary>
internal sealed record WebhookAccepted([property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Accepted, bool Duplicate)
{
    /// <summary>The answer to a delivery seen before.</summary>
    public static WebhookAccepted Repeated { get; } = new(null, Duplicate: true);
}
