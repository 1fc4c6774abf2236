using System.Text.Json;
using Microsoft.Extensions.Options;
using Tributary.Identifiers;

namespace Tributary.Host.Identity;

/// <summary>
/// Links what the pipeline learns about a record into the identity graph (<c>Identity:LinkOnEnrich</c>, default true):
/// its CRM id with the email and phone it has, through the same identify as <c>/v1/identity/identify</c>, merge
/// protection included. A link refused or an identifier that does not parse is left out; enrichment goes on.
/// </summary>
internal sealed class EnrichmentLinks(IdentityRequests requests, IdentityService identity, IOptions<IdentityOptions> options)
{
    /// <summary>Links each enriched record, all in one transaction of the graph (a transaction per record cost more than the record).</summary>
    public async Task LinkManyAsync(IEnumerable<EnrichedLink> records, CancellationToken cancellationToken)
    {
        if (!options.Value.LinkOnEnrich)
        {
            return;
        }

        var inputs = new List<IdentifyInput>();
        foreach (var record in records)
        {
            if (Read(record) is { } input)
            {
                inputs.Add(input);
            }
        }

        if (inputs.Count > 0)
        {
            await identity.IdentifyManyAsync(inputs, cancellationToken);
        }
    }

    private IdentifyInput? Read(EnrichedLink record)
    {
        var traits = new Dictionary<string, JsonElement> { ["crmId"] = JsonSerializer.SerializeToElement(record.CrmId, IdentityJsonContext.Default.String) };
        foreach (var (name, value) in new[] { ("email", record.Email), ("phone", record.Phone) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                traits[name] = JsonSerializer.SerializeToElement(value, IdentityJsonContext.Default.String);
            }
        }

        try
        {
            return requests.ReadIdentify(new IdentifyRequest { Traits = traits });
        }
        catch (InvalidIdentifierException)
        {
            // A CRM's malformed email or phone: the record is still enriched, only not linked.
            return null;
        }
    }
}

/// <summary>What one enriched CRM record links: its CRM id with the email and phone it has.</summary>
internal readonly record struct EnrichedLink(string CrmId, string? Email, string? Phone);
