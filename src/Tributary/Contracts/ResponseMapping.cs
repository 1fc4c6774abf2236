using Tributary.Enrichment;
using Tributary.Profiles;

namespace Tributary.Host.Contracts;

/// <summary>Engine results → the nested profile with provenance (the flat answer is <c>Flat/FlatAnswer</c>).</summary>
internal static class ResponseMapping
{
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
