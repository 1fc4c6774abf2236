using System.Collections.Frozen;

namespace Tributary.Profiles;

/// <summary>
/// The catalogue of well-known fields: the flat <c>/v1/enrich</c> response and the warehouse's
/// <c>enriched_contacts</c> columns. Providers may also return custom attributes outside this list.
/// </summary>
public static class ProfileFields
{
    public static readonly FieldDefinition FullName = Person("name", FieldKind.Text, "fullName");
    public static readonly FieldDefinition FirstName = Person("firstName", FieldKind.Text);
    public static readonly FieldDefinition LastName = Person("lastName", FieldKind.Text);
    public static readonly FieldDefinition Email = Person("email", FieldKind.Text);
    public static readonly FieldDefinition Phone = Person("phone", FieldKind.Text);
    public static readonly FieldDefinition JobTitle = Person("jobTitle", FieldKind.Text);
    public static readonly FieldDefinition Seniority = Person("seniority", FieldKind.Text);
    public static readonly FieldDefinition Department = Person("department", FieldKind.Text);
    public static readonly FieldDefinition LinkedInUrl = Person("linkedinUrl", FieldKind.Text);
    public static readonly FieldDefinition City = Person("city", FieldKind.Text);
    public static readonly FieldDefinition State = Person("state", FieldKind.Text);
    public static readonly FieldDefinition Country = Person("country", FieldKind.Text);

    public static readonly FieldDefinition CompanyName = Company("companyName", FieldKind.Text, "name");
    public static readonly FieldDefinition CompanyDomain = Company("companyDomain", FieldKind.Text, "domain");
    public static readonly FieldDefinition Industry = Company("industry", FieldKind.Text);
    public static readonly FieldDefinition EmployeeCount = Company("employeeCount", FieldKind.Number);
    public static readonly FieldDefinition RevenueRange = Company("revenueRange", FieldKind.Text);
    public static readonly FieldDefinition TechStack = Company("techStack", FieldKind.List);
    public static readonly FieldDefinition IntentKeywords = Company("intentKeywords", FieldKind.List);
    public static readonly FieldDefinition CompanyLinkedInUrl = Company("companyLinkedinUrl", FieldKind.Text, "linkedinUrl");
    public static readonly FieldDefinition CompanyPhone = Company("companyPhone", FieldKind.Text, "phone");
    public static readonly FieldDefinition CompanyCity = Company("companyCity", FieldKind.Text, "city");
    public static readonly FieldDefinition CompanyCountry = Company("companyCountry", FieldKind.Text, "country");
    public static readonly FieldDefinition FoundedYear = Company("foundedYear", FieldKind.Number);

    /// <summary>Every well-known field, in the order the nested profile lists them.</summary>
    public static readonly IReadOnlyList<FieldDefinition> All =
    [
        FullName, FirstName, LastName, Email, Phone, JobTitle, Seniority, Department, LinkedInUrl, City, State, Country,
        CompanyName, CompanyDomain, Industry, EmployeeCount, RevenueRange, TechStack, IntentKeywords,
        CompanyLinkedInUrl, CompanyPhone, CompanyCity, CompanyCountry, FoundedYear,
    ];

    private static readonly FrozenDictionary<string, FieldDefinition> ByName =
        All.ToFrozenDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a well-known field by its name, case-insensitively.</summary>
    public static bool TryGet(string name, out FieldDefinition field) => ByName.TryGetValue(name, out field!);

    /// <summary>A provider-specific attribute outside the catalogue (e.g. <c>loyaltyTier</c> from an in-house CRM).</summary>
    public static FieldDefinition Custom(string name, FieldKind kind = FieldKind.Text) =>
        TryGet(name, out var known) ? known : new FieldDefinition(name, FieldSection.Custom, kind, name);

    private static FieldDefinition Person(string name, FieldKind kind, string? jsonName = null) =>
        new(name, FieldSection.Person, kind, jsonName ?? name);

    private static FieldDefinition Company(string name, FieldKind kind, string? jsonName = null) =>
        new(name, FieldSection.Company, kind, jsonName ?? name);
}
