namespace Tributary.Host.HubSpot;

/// <summary>One HubSpot webhook event: every one is remembered by its key, and a creation or a change of a trigger property stages its contact.</summary>
/// <param name="DedupKey"><c>eventId:objectId:occurredAt</c>: the same event delivered again has the same key.</param>
/// <param name="ObjectId">The contact id, as text.</param>
/// <param name="SubscriptionType"><c>contact.creation</c> or <c>contact.propertyChange</c>.</param>
/// <param name="PropertyName">The changed property of a propertyChange; null for a creation.</param>
/// <param name="ChangeSource">Where the change came from (<c>CRM_UI</c>, <c>IMPORT</c>, <c>API</c>, …), when HubSpot says.</param>
/// <param name="Stages">True for a contact's creation or a change of a trigger property (<c>HubSpot:TriggerProperties</c>).</param>
internal sealed record HubSpotWebhookEvent(string DedupKey, string ObjectId, string SubscriptionType, string? PropertyName, string? ChangeSource, bool Stages);
