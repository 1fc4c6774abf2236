using Tributary.Host.Contracts;

namespace Tributary.Host.Batch;

/// <summary>One enriched output column: a flat field of <c>/v1/enrich</c>.</summary>
/// <param name="Field">The flat field's name, e.g. <c>jobTitle</c>.</param>
/// <param name="Text">Its text value, <c>""</c> when unknown.</param>
/// <param name="Number">For numeric fields, the value (0 when unknown); null for text fields.</param>
internal sealed record EnrichedField(string Field, Func<FlatEnrichResponse, string> Text, Func<FlatEnrichResponse, long>? Number = null)
{
    /// <summary>The flat fields, in the order of the <c>/v1/enrich</c> response.</summary>
    public static IReadOnlyList<EnrichedField> All { get; } =
    [
        new("name", f => f.Name),
        new("firstName", f => f.FirstName),
        new("lastName", f => f.LastName),
        new("email", f => f.Email),
        new("phone", f => f.Phone),
        new("jobTitle", f => f.JobTitle),
        new("seniority", f => f.Seniority),
        new("department", f => f.Department),
        new("companyName", f => f.CompanyName),
        new("companyDomain", f => f.CompanyDomain),
        new("industry", f => f.Industry),
        new("employeeCount", f => f.EmployeeCount == 0 ? string.Empty : f.EmployeeCount.ToString(System.Globalization.CultureInfo.InvariantCulture), f => f.EmployeeCount),
        new("revenueRange", f => f.RevenueRange),
        new("linkedinUrl", f => f.LinkedinUrl),
        new("city", f => f.City),
        new("country", f => f.Country),
    ];

    public bool IsNumber => Number is not null;

    public bool IsFilled(FlatEnrichResponse flat) => Text(flat).Length > 0;
}
