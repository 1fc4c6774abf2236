using System.Text.Json.Nodes;
using Tributary.Host.Crm;
using Tributary.Storage;

namespace Tributary.Host.AgentDesktop;

/// <summary>
/// What the pipeline found for a profile: the warehouse rows (<c>enriched_contacts</c>) of the CRM records linked to it,
/// each value with its provenance, beside what real-time answers linked (<c>AnsweredFields</c>). The most recently
/// observed value of a field wins.
/// </summary>
internal sealed class ProfileEnrichment(IEnrichedContactStore contacts, IEnumerable<ICrmSystem> crms)
{
    private readonly string[] _sources = [.. crms.Select(static c => c.Name).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Adds the rows' values to <paramref name="values"/> with their provenance, each where it is newer than the value
    /// already there (a real-time answer's).
    /// </summary>
    public async Task AddRowsAsync(
        IEnumerable<string> crmIds, JsonObject values, Dictionary<string, FieldProvenance> provenance, CancellationToken cancellationToken)
    {
        var rows = new List<EnrichedContact>();
        foreach (var rowId in crmIds.SelectMany(RowIds).Distinct(StringComparer.Ordinal))
        {
            if (await contacts.GetAsync(rowId, cancellationToken) is { } row)
            {
                rows.Add(row);
            }
        }

        foreach (var row in rows.OrderBy(static r => r.EnrichedAt))
        {
            foreach (var (field, value) in Fields(row))
            {
                if (value is not null && row.Provenance.FirstOrDefault(p => p.Field == field) is { } source
                    && (!provenance.TryGetValue(field, out var held) || held.ObservedAt <= source.ObservedAt))
                {
                    values[field] = value;
                    provenance[field] = source;
                }
            }
        }
    }

    /// <summary>
    /// The rows a linked CRM id may name: the pipeline's, under each CRM's prefix (<c>hubspot:1001</c>), and the id as
    /// linked (a row stored under it; a link made before the graph held the CRM's own id).
    /// </summary>
    private IEnumerable<string> RowIds(string crmId) => [crmId, .. _sources.Select(source => WarehouseIds.Of(source, crmId))];

    /// <summary>The row's values by the flat field names its provenance uses.</summary>
    private static IEnumerable<(string Field, JsonNode? Value)> Fields(EnrichedContact row)
    {
        yield return ("name", Text(row.FullName));
        yield return ("jobTitle", Text(row.JobTitle));
        yield return ("seniority", Text(row.Seniority));
        yield return ("department", Text(row.Department));
        yield return ("linkedinUrl", Text(row.LinkedInUrl));
        yield return ("phone", Text(row.Phone));
        yield return ("city", Text(row.City));
        yield return ("country", Text(row.Country));
        yield return ("companyName", Text(row.CompanyName));
        yield return ("industry", Text(row.Industry));
        yield return ("employeeCount", row.EmployeeCount is { } count ? JsonValue.Create(count) : null);
        yield return ("techStack", List(row.TechStack));
        yield return ("intentKeywords", List(row.IntentKeywords));
    }

    private static JsonValue? Text(string? value) => value is null ? null : JsonValue.Create(value);

    private static JsonArray? List(IReadOnlyList<string> values) =>
        values.Count == 0 ? null : new JsonArray([.. values.Select(static v => (JsonNode?)JsonValue.Create(v))]);
}
