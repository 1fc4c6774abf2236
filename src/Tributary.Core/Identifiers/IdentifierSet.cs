namespace Tributary.Identifiers;

/// <summary>
/// The normalised identifiers of one subject, the only form in which identifiers travel past the edge:
/// email lower-cased, phone in E.164, domain bare, LinkedIn URL canonical.
/// </summary>
public sealed record IdentifierSet
{
    /// <summary>Lower-cased, trimmed, IDN domain as punycode.</summary>
    public string? Email { get; init; }

    /// <summary>E.164, e.g. <c>+14155550100</c>.</summary>
    public string? Phone { get; init; }

    /// <summary>Company domain: given, or taken from a non-free-mail email.</summary>
    public string? Domain { get; init; }

    /// <summary>Canonical <c>https://linkedin.com/in/&lt;slug&gt;</c>.</summary>
    public string? LinkedInUrl { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    /// <summary>The full name as given, whitespace collapsed.</summary>
    public string? FullName { get; init; }

    public string? Company { get; init; }

    /// <summary>True when no identifier that can find a person or company is present.</summary>
    public bool IsEmpty =>
        Email is null && Phone is null && Domain is null && LinkedInUrl is null && !HasNameAndCompany;

    /// <summary>A name with a company is enough for most person-match APIs.</summary>
    public bool HasNameAndCompany => FullName is not null && Company is not null;

    /// <summary>
    /// A stable text form used as the cache key material (before hashing); the order of parts is fixed.
    /// </summary>
    public string CanonicalKey() =>
        string.Join('|',
            Email ?? string.Empty, Phone ?? string.Empty, Domain ?? string.Empty, LinkedInUrl ?? string.Empty,
            FullName?.ToLowerInvariant() ?? string.Empty, Company?.ToLowerInvariant() ?? string.Empty);
}
