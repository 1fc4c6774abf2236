namespace Tributary.Host.Salesforce;

/// <summary>One record a change event stages.</summary>
/// <param name="DedupKey"><c>transactionKey:recordId</c>: the same change relayed twice has the same key.</param>
/// <param name="RecordId">The record's id (<c>003…</c>, <c>00Q…</c>).</param>
/// <param name="ObjectType"><c>Contact</c> or <c>Lead</c>.</param>
internal sealed record SalesforceChange(string DedupKey, string RecordId, string ObjectType);
