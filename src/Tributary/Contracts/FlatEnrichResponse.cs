namespace Tributary.Host.Contracts;

/// <summary>
/// The <c>/v1/enrich</c> answer: flat, because contact-center expressions cannot walk nested JSON, and with every
/// member always present (<c>""</c> or <c>0</c>, never null) so a flow's condition on a missing field cannot fail.
/// </summary>
internal sealed record FlatEnrichResponse
{
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
    public string RequestId { get; init; } = "";
    public string Providers { get; init; } = "";
}
