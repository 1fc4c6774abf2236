namespace Tributary.Profiles;

/// <summary>A profile field known to Tributary: its JSON name, section and value shape.</summary>
/// <param name="Name">Camel-case name, unique across sections (e.g. <c>jobTitle</c>, <c>companyName</c>).</param>
/// <param name="Section">Where the field sits in the nested profile.</param>
/// <param name="Kind">The value's shape.</param>
/// <param name="JsonName">Name inside its section of the nested profile (e.g. <c>name</c> for <c>companyName</c>).</param>
public sealed record FieldDefinition(string Name, FieldSection Section, FieldKind Kind, string JsonName);
