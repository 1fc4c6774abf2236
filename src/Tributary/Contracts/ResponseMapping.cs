using Tributary.Enrichment;
using Tributary.Orchestration;
using Tributary.Profiles;

namespace Tributary.Host.Contracts;

/// <summary>Engine results → the response shapes of the contract.</summary>
internal static class ResponseMapping
{
    public static FlatEnrichResponse ToFlat(EnrichmentResult result, string requestId)
    {
        var p = result.Profile;
        return new FlatEnrichResponse
        {
            Name = p.Text(ProfileFields.FullName),
            FirstName = p.Text(ProfileFields.FirstName),
            LastName = p.Text(ProfileFields.LastName),
            Email = p.Text(ProfileFields.Email),
            Phone = p.Text(ProfileFields.Phone),
            JobTitle = p.Text(ProfileFields.JobTitle),
            Seniority = p.Text(ProfileFields.Seniority),
            Department = p.Text(ProfileFields.Department),
            CompanyName = p.Text(ProfileFields.CompanyName),
            CompanyDomain = p.Text(ProfileFields.CompanyDomain),
            Industry = p.Text(ProfileFields.Industry),
            EmployeeCount = p.Number(ProfileFields.EmployeeCount),
            RevenueRange = p.Text(ProfileFields.RevenueRange),
            LinkedinUrl = p.Text(ProfileFields.LinkedInUrl),
            City = p.Text(ProfileFields.City),
            Country = p.Text(ProfileFields.Country),
            Confidence = Math.Round(result.Confidence, 3),
            Source = result.Source,
            Partial = result.Partial,
            RequestId = requestId,
            Providers = EnrichmentEngine.Summarise(result.Outcomes),
        };
    }

    public static ProfileResponse ToNested(EnrichmentResult result, string requestId)
    {
        var person = new Dictionary<string, FieldResponse>(StringComparer.Ordinal);
        var company = new Dictionary<string, FieldResponse>(StringComparer.Ordinal);
        var custom = new Dictionary<string, FieldResponse>(StringComparer.Ordinal);
        foreach (var (field, value) in result.Profile.Fields())
        {
            var section = field.Section switch
            {
                FieldSection.Person => person,
                FieldSection.Company => company,
                _ => custom,
            };
            section[field.JsonName] = new FieldResponse(value.Value, value.Source, Math.Round(value.Confidence, 3), value.ObservedAt);
        }

        return new ProfileResponse(
            requestId,
            person,
            company,
            custom,
            Math.Round(result.Confidence, 3),
            result.Source,
            result.Partial,
            (long)result.Elapsed.TotalMilliseconds,
            result.Outcomes.Select(o => new ProviderStatusResponse(o.Provider, o.Status.ToWire(), (long)o.Latency.TotalMilliseconds, o.Stale, o.Detail)).ToArray());
    }
}
