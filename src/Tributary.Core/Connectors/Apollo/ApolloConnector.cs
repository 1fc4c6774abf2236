using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tributary.Deadlines;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Json;
using Tributary.Profiles;

namespace Tributary.Connectors.Apollo;

/// <summary>
/// Apollo.io: <c>POST /people/match</c> (parameters in the query string), <c>POST /people/bulk_match</c> and
/// <c>GET /organizations/enrich</c>. A miss is a 200 with a null record, which Apollo does not bill.
/// </summary>
internal sealed class ApolloConnector(ProviderHttp http, IOptions<ApolloOptions> options, TimeProvider time) : IBulkEnrichmentProvider
{
    public const string ProviderName = "apollo";

    private readonly ApolloOptions _options = options.Value;

    public string Name => ProviderName;

    /// <summary>Apollo refuses more than 10 details per bulk_match call.</summary>
    public int MaxBatchSize => 10;

    public bool CanLookup(EnrichmentQuery query) => query.Kind == LookupKind.Company
        ? query.Identifiers.Domain is not null
        : query.Identifiers is { Email: not null } or { LinkedInUrl: not null }
            || (query.Identifiers.FullName is not null && (query.Identifiers.Company ?? query.Identifiers.Domain) is not null);

    /// <summary>Everything but the phone, which Apollo does not match people on.</summary>
    public IdentifierSet IdentifiersSent(EnrichmentQuery query) =>
        query.Identifiers.Phone is null ? query.Identifiers : query.Identifiers with { Phone = null };

    public async Task<ProviderResult> LookupAsync(EnrichmentQuery query, CancellationToken cancellationToken)
    {
        try
        {
            using var request = query.Kind == LookupKind.Company
                ? new HttpRequestMessage(HttpMethod.Get, $"{_options.ApiBaseUrl}/organizations/enrich?domain={Uri.EscapeDataString(query.Identifiers.Domain!)}")
                : new HttpRequestMessage(HttpMethod.Post, $"{_options.ApiBaseUrl}/people/match?{QueryString(PersonDetails(query.Identifiers))}");
            using var response = await SendAsync(request, query.Budget, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return await FailureAsync(response, cancellationToken);
            }

            if (query.Kind == LookupKind.Company)
            {
                var body = await response.Content.ReadFromJsonAsync(ApolloJsonContext.Default.ApolloOrganizationResponse, cancellationToken);
                return FromOrganization(body?.Organization);
            }

            var match = await response.Content.ReadFromJsonAsync(ApolloJsonContext.Default.ApolloPersonResponse, cancellationToken);
            return FromPerson(match?.Person);
        }
        catch (Exception ex) when (ProviderFailures.IsExpected(ex))
        {
            return ProviderFailures.FromException(ex);
        }
    }

    /// <summary>
    /// People go through <c>POST /people/bulk_match</c>, 10 per call (more are split into several calls), each answer
    /// paired with its row by <see cref="ApolloBulkMatches"/>; companies are looked up one by one.
    /// </summary>
    public Task<IReadOnlyList<ProviderResult>> LookupManyAsync(IReadOnlyList<EnrichmentQuery> queries, CancellationToken cancellationToken) =>
        BulkLookup.LookupAsync(queries, MaxBatchSize, CanLookup, LookupAsync, BulkMatchAsync, "no identifier Apollo matches on", cancellationToken);

    private async Task<ProviderResult[]> BulkMatchAsync(EnrichmentQuery[] queries, CancellationToken cancellationToken)
    {
        try
        {
            var details = queries.Select(q => (IReadOnlyDictionary<string, string>)PersonDetails(q.Identifiers).ToDictionary()).ToArray();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{_options.ApiBaseUrl}/people/bulk_match")
            {
                Content = OutgoingJson.Create(new ApolloBulkMatchRequest(details), ApolloJsonContext.Default.ApolloBulkMatchRequest),
            };

            // One call carries the whole batch, so it runs under the first query's budget (batch work has no deadline).
            using var response = await SendAsync(request, queries[0].Budget, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return BulkLookup.Repeat(await FailureAsync(response, cancellationToken), queries.Length);
            }

            // matches[] is documented in the order of details[], but each person is checked against the row it would answer.
            var body = await response.Content.ReadFromJsonAsync(ApolloJsonContext.Default.ApolloBulkMatchResponse, cancellationToken);
            return ApolloBulkMatches.Attribute(queries.Select(q => q.Identifiers).ToArray(), body?.Matches ?? [])
                .Select(answer => answer.Answered
                    ? FromPerson(answer.Person)
                    : ProviderResult.Failed(ProviderStatus.ServerError, "not told apart in Apollo's bulk answer"))
                .ToArray();
        }
        catch (Exception ex) when (ProviderFailures.IsExpected(ex))
        {
            return BulkLookup.Repeat(ProviderFailures.FromException(ex), queries.Length);
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CallBudget budget, CancellationToken cancellationToken)
    {
        request.Headers.Add("x-api-key", _options.ApiKey);
        return http.SendAsync(Name, request, budget, cancellationToken);
    }

    /// <summary>Every identifier Apollo matches people on; the same names serve as query parameters and bulk details.</summary>
    private static List<KeyValuePair<string, string>> PersonDetails(IdentifierSet identifiers)
    {
        var details = new List<KeyValuePair<string, string>>(6);
        Add("email", identifiers.Email);
        Add("linkedin_url", identifiers.LinkedInUrl);
        if (identifiers is { FirstName: not null, LastName: not null })
        {
            Add("first_name", identifiers.FirstName);
            Add("last_name", identifiers.LastName);
        }
        else
        {
            Add("name", identifiers.FullName);
        }

        Add("organization_name", identifiers.Company);
        Add("domain", identifiers.Domain);
        return details;

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                details.Add(new(name, value));
            }
        }
    }

    private static string QueryString(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    private ProviderResult FromPerson(ApolloPerson? person)
    {
        if (person is null)
        {
            return ProviderResult.NoMatch(billed: false);
        }

        var confidence = ApolloMapping.Confidence(person);
        var profile = new ProfileBuilder(Name, confidence, time.GetUtcNow());
        ApolloMapping.MapPerson(person, profile);
        return ProviderResult.Matched(profile.Build(), confidence);
    }

    private ProviderResult FromOrganization(ApolloOrganization? organization)
    {
        if (organization is null)
        {
            return ProviderResult.NoMatch(billed: false);
        }

        var profile = new ProfileBuilder(Name, ApolloMapping.OrganizationConfidence, time.GetUtcNow());
        ApolloMapping.MapOrganization(organization, profile);
        return ProviderResult.Matched(profile.Build(), ApolloMapping.OrganizationConfidence);
    }

    /// <summary>
    /// The usual meanings (401 wrong key, 422 missing parameter, 429 throttled), with Apollo's error code in the detail:
    /// a 403 <c>API_INACCESSIBLE</c> means the key is not scoped for the endpoint, as fatal as a wrong key.
    /// </summary>
    private static async Task<ProviderResult> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var result = ProviderFailures.FromStatus(response.StatusCode);
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            // 401 answers in plain text.
            return result;
        }

        try
        {
            var error = await response.Content.ReadFromJsonAsync(ApolloJsonContext.Default.ApolloErrorBody, cancellationToken);
            return error?.ErrorCode is { Length: > 0 } code ? result with { Detail = $"{result.Detail} {code}" } : result;
        }
        catch (JsonException)
        {
            return result;
        }
    }
}
