namespace Tributary.Host.Crm;

/// <summary>A CRM record as the pipeline needs it: who it is, and what its writable fields hold now.</summary>
/// <param name="Id">The CRM's id (<c>12345</c>, <c>003…</c>).</param>
/// <param name="ObjectType">The CRM's object type: <c>contact</c> for HubSpot; <c>Contact</c> or <c>Lead</c> for Salesforce.</param>
/// <param name="Identity">The identifiers enrichment looks up.</param>
/// <param name="Fields">CRM field name → its current value, for every mapped field (absent or empty = blank).</param>
internal sealed record CrmRecord(string Id, string ObjectType, CrmIdentity Identity, IReadOnlyDictionary<string, CrmFieldValue> Fields);

/// <summary>The identifiers of a CRM record; any may be null.</summary>
internal sealed record CrmIdentity(string? Email, string? Phone, string? FirstName, string? LastName, string? Company, string? Domain);

/// <summary>One field's current value.</summary>
/// <param name="Value">The value as text; null or empty when blank.</param>
/// <param name="SetByPerson">True when a person last set it (HubSpot history source <c>CRM_UI</c> or <c>IMPORT</c>): never overwritten.</param>
internal readonly record struct CrmFieldValue(string? Value, bool SetByPerson)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Value);
}
