namespace Tributary.Simulators;

/// <summary>One record of an update collection the Salesforce simulator received.</summary>
/// <param name="Id">The id as sent (null when the record named none).</param>
/// <param name="ObjectType">The <c>attributes.type</c> sent.</param>
/// <param name="Fields">Field → value as sent (null clears), numbers as their JSON text.</param>
/// <param name="Applied">Whether the change was saved (false when the record failed or an all-or-none call rolled back).</param>
public sealed record SalesforceWrite(string? Id, string? ObjectType, IReadOnlyDictionary<string, string?> Fields, bool Applied);
