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
    public async Task LinkAsync(string crmId, string? email, string? phone, CancellationToken cancellationToken)
    {
        if (!options.Value.LinkOnEnrich)
        {
            return;
        }

        var traits = new Dictionary<string, JsonElement> { ["crmId"] = JsonSerializer.SerializeToElement(crmId, IdentityJsonContext.Default.String) };
        foreach (var (name, value) in new[] { ("email", email), ("phone", phone) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                traits[name] = JsonSerializer.SerializeToElement(value, IdentityJsonContext.Default.String);
            }
        }

        IdentifyInput input;
        try
        {
            input = requests.ReadIdentify(new IdentifyRequest { Traits = traits });
        }
        catch (InvalidIdentifierException)
        {
            // A CRM's malformed email or phone: the record is still enriched, only not linked.
            return;
        }

        await identity.IdentifyAsync(input, cancellationToken);
    }
}
