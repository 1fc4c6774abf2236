using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Apollo;

/// <summary>
/// People and organization enrichment under <c>/api/v1</c>. A miss is a 200 with a null record;
/// the bulk endpoints take at most 10 entries.
/// </summary>
internal sealed class ApolloEndpoints(ApolloSimulator simulator)
{
    private const int MaxBulk = 10;
    private const string TooMany = "cannot enrich more than 10 in a single request";

    private static readonly string[] WaterfallFlags = ["reveal_phone_number", "run_waterfall_email", "run_waterfall_phone"];

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/api/v1");
        v1.MapPost("/people/match", context => Authorized(context, MatchPersonAsync));
        v1.MapPost("/people/bulk_match", context => Authorized(context, BulkMatchAsync));
        v1.MapGet("/organizations/enrich", context => Authorized(context, EnrichOrganizationAsync));
        v1.MapPost("/organizations/bulk_enrich", context => Authorized(context, BulkEnrichAsync));
    }

    private Task Authorized(HttpContext context, Func<HttpContext, Task> handler) =>
        context.Request.Headers["x-api-key"].ToString() == simulator.ApiKey ? handler(context) : ApolloErrors.InvalidApiKeyAsync(context);

    /// <summary>Parameters come in the query string, as documented; a JSON body is read too, for older clients.</summary>
    private async Task MatchPersonAsync(HttpContext context)
    {
        using var body = await ApolloRequests.ReadJsonAsync(context);
        var query = context.Request.Query;
        string? Read(string name) => ApolloRequests.Text(query[name].ToString()) ?? ApolloRequests.Read(body?.RootElement, name);

        if (WaterfallFlags.Any(flag => string.Equals(Read(flag), "true", StringComparison.OrdinalIgnoreCase)) && Read("webhook_url") is null)
        {
            await ApolloErrors.MessageAsync(context, StatusCodes.Status400BadRequest,
                "Please add a valid 'webhook_url' parameter when using 'reveal_phone_number' or 'run_waterfall_*'");
            return;
        }

        var person = ApolloMatcher.MatchPerson(simulator.Dataset, Read);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, person, static (writer, match) =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("person");
            WriteOrNull(writer, match, ApolloPersonJson.Write);
            writer.WriteEndObject();
        });
    }

    private async Task BulkMatchAsync(HttpContext context)
    {
        using var body = await ApolloRequests.ReadJsonAsync(context);
        if (ApolloRequests.Details(body) is not { } details)
        {
            await ApolloErrors.BulkFailedAsync(context, "INVALID_REQUEST", "details is required and must be a non-empty array");
            return;
        }

        if (details.Count > MaxBulk)
        {
            await ApolloErrors.BulkFailedAsync(context, "RECORD_LIMIT_EXCEEDED", TooMany);
            return;
        }

        var matches = details.Select(d => ApolloMatcher.MatchPerson(simulator.Dataset, name => ApolloRequests.Read(d, name))).ToArray();
        var answered = Disorder(matches, FaultSettings.For(context));
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, (matches, answered), static (writer, state) =>
        {
            var people = state.matches;
            var enriched = people.OfType<SamplePerson>().Distinct().Count();
            writer.WriteStartObject();
            writer.WriteString("status", "success");
            writer.WriteNull("error_code");
            writer.WriteNull("error_message");
            writer.WriteNumber("total_requested_enrichments", people.Length);
            writer.WriteNumber("unique_enriched_records", enriched);
            writer.WriteNumber("missing_records", people.Count(static p => p is null));
            writer.WriteNumber("credits_consumed", enriched);
            writer.WriteStartArray("matches");
            foreach (var person in state.answered)
            {
                WriteOrNull(writer, person, ApolloPersonJson.Write);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// The matches as the BulkMissesOmitted and BulkShuffled faults answer them: without their nulls, and in a fixed
    /// order other than the details' (reversed when the fixed order happens to be the same).
    /// </summary>
    private static SamplePerson?[] Disorder(SamplePerson?[] matches, FaultSettings settings)
    {
        var answered = settings.BulkMissesOmitted ? matches.Where(static p => p is not null).ToArray() : matches;
        if (!settings.BulkShuffled || answered.Length < 2)
        {
            return answered;
        }

        var positions = Enumerable.Range(0, answered.Length).OrderBy(n => StableHash.Mix((ulong)n + 1)).ToArray();
        if (positions.SequenceEqual(Enumerable.Range(0, answered.Length)))
        {
            Array.Reverse(positions);
        }

        return positions.Select(n => answered[n]).ToArray();
    }

    private Task EnrichOrganizationAsync(HttpContext context)
    {
        var query = context.Request.Query;
        string? Read(string name) => ApolloRequests.Text(query[name].ToString());
        if (Read("domain") is null && Read("linkedin_url") is null && Read("name") is null && Read("website") is null)
        {
            return ApolloErrors.MessageAsync(context, StatusCodes.Status422UnprocessableEntity, "Required parameter 'domain' missing");
        }

        var organization = ApolloMatcher.MatchOrganization(simulator.Dataset, Read);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, organization, static (writer, match) =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("organization");
            WriteOrNull(writer, match, ApolloOrganizationJson.Write);
            writer.WriteEndObject();
        });
    }

    /// <summary>Domains from <c>domains[]</c> in the query, or a body of <c>details</c> (which wins) or <c>domains</c>.</summary>
    private async Task BulkEnrichAsync(HttpContext context)
    {
        using var body = await ApolloRequests.ReadJsonAsync(context);
        var requests = ApolloRequests.Details(body)?.Select(d => (Func<string, string?>)(name => ApolloRequests.Read(d, name))).ToList()
            ?? ApolloRequests.Domains(context.Request, body).Select(domain => (Func<string, string?>)(name => name == "domain" ? domain : null)).ToList();
        if (requests.Count == 0)
        {
            await ApolloErrors.BulkFailedAsync(context, "INVALID_REQUEST", "domains or details is required");
            return;
        }

        if (requests.Count > MaxBulk)
        {
            await ApolloErrors.BulkFailedAsync(context, "RECORD_LIMIT_EXCEEDED", TooMany);
            return;
        }

        var found = requests.Select(read => ApolloMatcher.MatchOrganization(simulator.Dataset, read)).ToArray();
        var distinct = requests.Select(read => read("domain") ?? read("name")).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, (found, distinct), static (writer, state) =>
        {
            var organizations = state.found.OfType<SampleCompany>().Distinct().ToList();
            writer.WriteStartObject();
            writer.WriteString("status", "success");
            writer.WriteNull("error_code");
            writer.WriteNull("error_message");
            writer.WriteNull("total_requested_records");
            writer.WriteNumber("total_requested_domains", state.found.Length);
            writer.WriteNumber("unique_domains", state.distinct);
            writer.WriteNull("unique_records");
            writer.WriteNumber("unique_enriched_records", organizations.Count);
            writer.WriteNumber("missing_records", state.found.Count(static o => o is null));
            writer.WriteStartArray("organizations");
            foreach (var organization in organizations)
            {
                ApolloOrganizationJson.Write(writer, organization);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static void WriteOrNull<T>(Utf8JsonWriter writer, T? value, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            write(writer, value);
        }
    }
}
