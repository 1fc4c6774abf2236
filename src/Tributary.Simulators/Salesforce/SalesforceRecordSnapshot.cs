namespace Tributary.Simulators;

/// <summary>A copy of one record in the Salesforce simulator.</summary>
/// <param name="ObjectType"><c>Contact</c> or <c>Lead</c>.</param>
/// <param name="Id">The 18-character id.</param>
/// <param name="Fields">Field → value (null when blank), every field the record has had.</param>
public sealed record SalesforceRecordSnapshot(string ObjectType, string Id, IReadOnlyDictionary<string, string?> Fields);
