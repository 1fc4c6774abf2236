namespace Tributary.Host.Salesforce;

/// <summary>One record a change event names.</summary>
/// <param name="DedupKey"><c>transactionKey:recordId</c>: the same change relayed twice has the same key.</param>
/// <param name="RecordId">The record's id (<c>003…</c>, <c>00Q…</c>).</param>
/// <param name="ObjectType">
/// <c>Contact</c> or <c>Lead</c> when the change stages the record; null when it is only remembered, so that its replay
/// answers as a duplicate (another object, a DELETE, our own write-back).
/// </param>
internal sealed record SalesforceChange(string DedupKey, string RecordId, string? ObjectType);
