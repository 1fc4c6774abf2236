using Tributary.Host.Contracts;
using Tributary.Storage;

namespace Tributary.Host.Jobs;

/// <summary>
/// One line of <c>GET /v1/jobs/{id}/results</c>: the record's index and outcome, then the flat fields of
/// <c>/v1/enrich</c> (<c>""</c> or <c>0</c> when unknown). <see cref="Reason"/> says why a record was rejected or failed.
/// </summary>
internal sealed record JobResultLine
{
    public int Index { get; init; }
    public string Status { get; init; } = "";
    public string? Reason { get; init; }
    public string Name { get; init; } = "";
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public string Email { get; init; } = "";
    public string Phone { get; init; } = "";
    public string JobTitle { get; init; } = "";
    public string Seniority { get; init; } = "";
    public string Department { get; init; } = "";
    public string CompanyName { get; init; } = "";
    public string CompanyDomain { get; init; } = "";
    public string Industry { get; init; } = "";
    public long EmployeeCount { get; init; }
    public string RevenueRange { get; init; } = "";
    public string LinkedinUrl { get; init; } = "";
    public string City { get; init; } = "";
    public string Country { get; init; } = "";
    public double Confidence { get; init; }
    public string Source { get; init; } = "none";
    public bool Partial { get; init; }
    public string Providers { get; init; } = "";

    public static JobResultLine Of(int index, RecordOutcome outcome, FlatEnrichResponse? flat, string? reason)
    {
        var line = new JobResultLine { Index = index, Status = outcome.ToString().ToLowerInvariant(), Reason = reason };
        return flat is null ? line : line with
        {
            Name = flat.Name,
            FirstName = flat.FirstName,
            LastName = flat.LastName,
            Email = flat.Email,
            Phone = flat.Phone,
            JobTitle = flat.JobTitle,
            Seniority = flat.Seniority,
            Department = flat.Department,
            CompanyName = flat.CompanyName,
            CompanyDomain = flat.CompanyDomain,
            Industry = flat.Industry,
            EmployeeCount = flat.EmployeeCount,
            RevenueRange = flat.RevenueRange,
            LinkedinUrl = flat.LinkedinUrl,
            City = flat.City,
            Country = flat.Country,
            Confidence = flat.Confidence,
            Source = flat.Source,
            Partial = flat.Partial,
            Providers = flat.Providers,
        };
    }
}
