namespace Tributary.Simulators.Salesforce;

/// <summary>One record of an update collection as parsed: its type, id and fields (values as text, numbers as their JSON text).</summary>
internal sealed record SalesforceRecordChange(string? ObjectType, string? Id, IReadOnlyList<KeyValuePair<string, string?>> Fields);
