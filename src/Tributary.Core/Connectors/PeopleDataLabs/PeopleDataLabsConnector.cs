using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tributary.Deadlines;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Json;
using Tributary.Profiles;

namespace Tributary.Connectors.PeopleDataLabs;

/// <summary>
/// People Data Labs v5: <c>GET /person/enrich</c>, <c>GET /company/enrich?website=</c> and <c>POST /person/bulk</c>.
/// A 404 is a no-match PDL does not bill; 402 means the account's credits are spent.
/// </summary>
internal sealed class PeopleDataLabsConnector(ProviderHttp http, IOptions<PeopleDataLabsOptions> options, TimeProvider time)
    : IBulkEnrichmentProvider
{
    public const string ProviderName = "peopledatalabs";

    private readonly PeopleDataLabsOptions _options = options.Value;

    public string Name => ProviderName;

    /// <summary>PDL takes 1–100 requests per bulk call.</summary>
    public int MaxBatchSize => 100;

    public bool CanLookup(EnrichmentQuery query) => query.Kind == LookupKind.Company
        ? query.Identifiers.Domain is not null || query.Identifiers.Company is not null
        : PersonParameters(query.Identifiers).Count > 0;

    /// <summary>What <see cref="PersonParameters"/> sends: a name only with a company, and the domain only in the company's place.</summary>
    public IdentifierSet IdentifiersSent(EnrichmentQuery query)
    {
        var identifiers = query.Identifiers;
        var company = identifiers.FullName is null ? null : identifiers.Company ?? identifiers.Domain;
        return new()
        {
            Email = identifiers.Email,
            Phone = identifiers.Phone,
            LinkedInUrl = identifiers.LinkedInUrl,
            FullName = company is null ? null : identifiers.FullName,
            Company = company,
        };
    }

    public async Task<ProviderResult> LookupAsync(EnrichmentQuery query, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, RequestUri(query));
            request.Headers.Add("X-Api-Key", _options.ApiKey);
            using var response = await http.SendAsync(Name, request, query.Budget, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return Failure((int)response.StatusCode, response);
            }

            try
            {
                return query.Kind == LookupKind.Company
                    ? FromCompany(await response.Content.ReadFromJsonAsync(PeopleDataLabsJsonContext.Default.PdlCompanyResponse, cancellationToken))
                    : FromPerson(await response.Content.ReadFromJsonAsync(PeopleDataLabsJsonContext.Default.PdlPersonResponse, cancellationToken), response);
            }
            catch (JsonException)
            {
                // A single enrich answers 200 only for a match, which PDL bills whether or not its body can be read.
                return ProviderResult.Failed(ProviderStatus.ServerError, "malformed response", billed: true);
            }
        }
        catch (Exception ex) when (ProviderFailures.IsExpected(ex))
        {
            return ProviderFailures.FromException(ex);
        }
    }

    /// <summary>
    /// People go through <c>POST /person/bulk</c>, 100 per call (more are split into several calls); companies, which
    /// the person endpoint cannot answer, are looked up one by one.
    /// </summary>
    public Task<IReadOnlyList<ProviderResult>> LookupManyAsync(IReadOnlyList<EnrichmentQuery> queries, CancellationToken cancellationToken) =>
        BulkLookup.LookupAsync(queries, MaxBatchSize, CanLookup, LookupAsync, LookupBulkAsync, "no identifier PDL matches on", cancellationToken);

    private async Task<ProviderResult[]> LookupBulkAsync(EnrichmentQuery[] queries, CancellationToken cancellationToken)
    {
        try
        {
            // The metadata carries each query's position; PDL echoes it, so answers are matched back by it, not by order.
            var body = new PdlBulkRequest(queries
                .Select((query, n) => new PdlBulkItem(new PdlMetadata(n), PersonParameters(query.Identifiers).ToDictionary()))
                .ToArray());
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{_options.ApiBaseUrl}/person/bulk")
            {
                Content = OutgoingJson.Create(body, PeopleDataLabsJsonContext.Default.PdlBulkRequest),
            };
            request.Headers.Add("X-Api-Key", _options.ApiKey);

            // One call carries the whole batch, so it runs under the first query's budget (batch work has no deadline).
            using var response = await http.SendAsync(Name, request, queries[0].Budget, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return BulkLookup.Repeat(Failure((int)response.StatusCode, response), queries.Length);
            }

            var answers = await response.Content.ReadFromJsonAsync(PeopleDataLabsJsonContext.Default.IReadOnlyListPdlPersonResponse, cancellationToken) ?? [];
            var results = BulkLookup.Repeat(ProviderResult.Failed(ProviderStatus.ServerError, "missing from bulk answer"), queries.Length);
            for (var position = 0; position < answers.Count; position++)
            {
                if ((answers[position].Metadata?.Index ?? position) is var index && index >= 0 && index < results.Length)
                {
                    results[index] = FromPerson(answers[position], response);
                }
            }

            return results;
        }
        catch (Exception ex) when (ProviderFailures.IsExpected(ex))
        {
            return BulkLookup.Repeat(ProviderFailures.FromException(ex), queries.Length);
        }
    }

    private Uri RequestUri(EnrichmentQuery query) => query.Kind == LookupKind.Company
        ? new Uri(query.Identifiers.Domain is { } domain
            ? $"{_options.ApiBaseUrl}/company/enrich?website={Uri.EscapeDataString(domain)}"
            : $"{_options.ApiBaseUrl}/company/enrich?name={Uri.EscapeDataString(query.Identifiers.Company!)}")
        : new Uri($"{_options.ApiBaseUrl}/person/enrich?{string.Join('&', PersonParameters(query.Identifiers).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"))}");

    /// <summary>Every identifier PDL matches on: it rates one match on all it is given, and more inputs raise the likelihood.</summary>
    private static List<KeyValuePair<string, string>> PersonParameters(IdentifierSet identifiers)
    {
        var parameters = new List<KeyValuePair<string, string>>(5);
        Add("email", identifiers.Email);
        Add("phone", identifiers.Phone);
        Add("profile", identifiers.LinkedInUrl);

        // A name alone is not enough input for PDL; with a company (a name or a website) it is.
        if (identifiers.FullName is not null && (identifiers.Company ?? identifiers.Domain) is { } company)
        {
            Add("name", identifiers.FullName);
            Add("company", company);
        }

        return parameters;

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parameters.Add(new(name, value));
            }
        }
    }

    private ProviderResult FromPerson(PdlPersonResponse? answer, HttpResponseMessage response)
    {
        var status = answer?.Status ?? 200;
        if (status != 200)
        {
            return Failure(status, response);
        }

        if (answer?.Data is null)
        {
            return ProviderResult.NoMatch(billed: false);
        }

        var confidence = PeopleDataLabsMapping.Confidence(answer.Likelihood);
        var profile = new ProfileBuilder(Name, confidence, time.GetUtcNow());
        PeopleDataLabsMapping.MapPerson(answer.Data, profile);
        return ProviderResult.Matched(profile.Build(), confidence);
    }

    private ProviderResult FromCompany(PdlCompanyResponse? company)
    {
        if (company is null || (company.Name ?? company.Website) is null)
        {
            return ProviderResult.NoMatch(billed: false);
        }

        var confidence = PeopleDataLabsMapping.Confidence(company.Likelihood);
        var profile = new ProfileBuilder(Name, confidence, time.GetUtcNow());
        PeopleDataLabsMapping.MapCompany(company, profile);
        return ProviderResult.Matched(profile.Build(), confidence);
    }

    /// <summary>A failed call, or a failed entry of a bulk answer (which carries the status the single call would have had).</summary>
    private ProviderResult Failure(int status, HttpResponseMessage response) => status switch
    {
        404 => ProviderResult.NoMatch(billed: false),

        // PDL answers a wrong method with invalid_request_error: our request is at fault, not PDL.
        405 => ProviderResult.Failed(ProviderStatus.InvalidInput, "HTTP 405"),
        402 => ProviderResult.Failed(ProviderStatus.BudgetExhausted, "credits exhausted (HTTP 402)") with
        {
            ExhaustedUntil = CreditsReturnAt(response),
        },
        _ => ProviderFailures.FromStatus((HttpStatusCode)status),
    };

    /// <summary>
    /// PDL does not say when a spent balance is topped up: retry at the rate-limit reset it reports, which costs one
    /// unbilled 402 if the balance is still empty, or at the next UTC midnight when it reports none.
    /// </summary>
    private DateTimeOffset CreditsReturnAt(HttpResponseMessage response)
    {
        var now = time.GetUtcNow();
        return PeopleDataLabsRateLimits.ResetAt(response, now) is { } reset && reset > now
            ? reset
            : CreditRenewal.NextUtcDay(now);
    }
}
