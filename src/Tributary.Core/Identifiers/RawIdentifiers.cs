namespace Tributary.Identifiers;

/// <summary>Identifiers as a caller typed them, before normalisation.</summary>
public sealed record RawIdentifiers(
    string? Email = null,
    string? Phone = null,
    string? Domain = null,
    string? Name = null,
    string? Company = null,
    string? LinkedInUrl = null,
    string? FirstName = null,
    string? LastName = null);
