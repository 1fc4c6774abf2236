using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Tributary.Host.Flat;
using Tributary.Profiles;

namespace Tributary.Host.Identity;

/// <summary>
/// Links what enrichment learns into the identity graph (<c>Identity:LinkOnEnrich</c>, default true), through the same
/// identify as <c>/v1/identity/identify</c>, merge protection and blocked values included: a pipeline record's CRM id
/// with its email and phone, and an answer's identifiers (real-time, job, file or staged without a CRM) with the traits it carries. A link refused or an
/// identifier that does not parse is left out; enrichment goes on.
/// </summary>
internal sealed class EnrichmentLinks(IdentityRequests requests, IdentityService identity, FlatFields fields, IOptions<IdentityOptions> options)
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
            var identifiers = new[] { (IdentifierTypes.CrmId, (string?)record.CrmId), (IdentifierTypes.Email, record.Email), (IdentifierTypes.Phone, record.Phone) };
            if (requests.ReadEnriched(identifiers, []) is { } input)
            {
                inputs.Add(input);
            }
        }

        await IdentifyAsync(inputs, cancellationToken);
    }

    /// <summary>Links each answer, all in one transaction of the graph; <see cref="AnswerLinks"/> decided they are worth it.</summary>
    public Task LinkAnswersAsync(IEnumerable<AnswerLink> answers, CancellationToken cancellationToken)
    {
        if (!options.Value.LinkOnEnrich)
        {
            return Task.CompletedTask;
        }

        var inputs = new List<IdentifyInput>();
        foreach (var answer in answers)
        {
            if (Read(answer) is { } input)
            {
                inputs.Add(input);
            }
        }

        return IdentifyAsync(inputs, cancellationToken);
    }

    private async Task IdentifyAsync(List<IdentifyInput> inputs, CancellationToken cancellationToken)
    {
        if (inputs.Count > 0)
        {
            await identity.IdentifyManyAsync(inputs, cancellationToken);
        }
    }

    /// <summary>The request's identifiers and the answer's own, with the answer's flat fields as traits.</summary>
    private IdentifyInput? Read(AnswerLink answer)
    {
        var profile = answer.Profile;
        var identifiers = new[]
        {
            (IdentifierTypes.Email, answer.Email),
            (IdentifierTypes.Phone, answer.Phone),
            (IdentifierTypes.Email, Blank(profile.Text(ProfileFields.Email))),
            (IdentifierTypes.Phone, Blank(profile.Text(ProfileFields.Phone))),
        };
        return requests.ReadEnriched(identifiers, Traits(profile));
    }

    /// <summary>
    /// The answer's flat fields as identify traits: what the resolve summary shows. Email and phone are identifiers,
    /// hashed in the graph, never traits; the company's name is <c>company</c>, as identify spells it, so name and
    /// company are linked as weak evidence too. Each field's source and confidence go with them (<see cref="AnsweredFields"/>).
    /// </summary>
    private Dictionary<string, JsonElement> Traits(Profile profile)
    {
        var traits = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var answered = new JsonObject();
        foreach (var field in fields.All)
        {
            if (profile[field.Source] is not { } filled || field.Source == ProfileFields.Email || field.Source == ProfileFields.Phone)
            {
                continue;
            }

            var value = field.Type == FlatFieldType.Number
                ? JsonSerializer.SerializeToElement(field.Number(profile), IdentityJsonContext.Default.Int64)
                : JsonSerializer.SerializeToElement(field.Text(profile), IdentityJsonContext.Default.String);
            traits[field.Source == ProfileFields.CompanyName ? "company" : field.Name] = value;
            answered[field.Name] = AnsweredFields.Entry(JsonValue.Create(value)!, filled.Source, filled.Confidence, filled.ObservedAt);
        }

        if (answered.Count > 0)
        {
            traits[AnsweredFields.Member] = JsonSerializer.SerializeToElement(answered, IdentityJsonContext.Default.JsonObject);
        }

        return traits;
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}

/// <summary>What one enriched CRM record links: the CRM's own record id with the email and phone it has.</summary>
internal readonly record struct EnrichedLink(string CrmId, string? Email, string? Phone);
