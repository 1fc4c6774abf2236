using Tributary.Profiles;

namespace Tributary.Storage;

/// <summary>
/// One row of <c>enriched_contacts</c>: what enrichment found for a CRM record. The email is kept only as a keyed
/// hash (the CRM already has it); the other person fields are enrichment output the pipeline writes back.
/// </summary>
/// <param name="RecordId">The CRM record id.</param>
/// <param name="EnrichedAt">When enrichment produced this row.</param>
public sealed record EnrichedContact(string RecordId, DateTimeOffset EnrichedAt)
{
    public string? CompanyName { get; init; }

    public long? EmployeeCount { get; init; }

    public string? Industry { get; init; }

    public IReadOnlyList<string> TechStack { get; init; } = [];

    public IReadOnlyList<string> IntentKeywords { get; init; } = [];

    public string? LinkedInUrl { get; init; }

    public string? FullName { get; init; }

    public string? JobTitle { get; init; }

    public string? Seniority { get; init; }

    public string? Department { get; init; }

    /// <summary>Keyed hash of the email (see <c>IdentifierHasher</c>), never the address.</summary>
    public string? EmailHash { get; init; }

    /// <summary>E.164.</summary>
    public string? Phone { get; init; }

    public string? City { get; init; }

    public string? Country { get; init; }

    /// <summary>Where each field of the profile came from. Values are not repeated here, so no raw email is stored.</summary>
    public IReadOnlyList<FieldProvenance> Provenance { get; init; } = [];

    /// <summary>The row for a merged profile.</summary>
    public static EnrichedContact FromProfile(string recordId, Profile profile, string? emailHash, DateTimeOffset enrichedAt)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new EnrichedContact(recordId, enrichedAt)
        {
            CompanyName = Text(profile, ProfileFields.CompanyName),
            EmployeeCount = profile[ProfileFields.EmployeeCount] is { } count ? count.Value.AsNumber() : null,
            Industry = Text(profile, ProfileFields.Industry),
            TechStack = profile.List(ProfileFields.TechStack),
            IntentKeywords = profile.List(ProfileFields.IntentKeywords),
            LinkedInUrl = Text(profile, ProfileFields.LinkedInUrl),
            FullName = Text(profile, ProfileFields.FullName),
            JobTitle = Text(profile, ProfileFields.JobTitle),
            Seniority = Text(profile, ProfileFields.Seniority),
            Department = Text(profile, ProfileFields.Department),
            EmailHash = emailHash,
            Phone = Text(profile, ProfileFields.Phone),
            City = Text(profile, ProfileFields.City),
            Country = Text(profile, ProfileFields.Country),
            Provenance = [.. profile.Fields().Select(f => new FieldProvenance(f.Field.Name, f.Value.Source, f.Value.Confidence, f.Value.ObservedAt))],
        };
    }

    private static string? Text(Profile profile, FieldDefinition field) => profile.Text(field) is { Length: > 0 } text ? text : null;
}
