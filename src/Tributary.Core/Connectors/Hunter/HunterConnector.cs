using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Tributary.Deadlines;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Profiles;

namespace Tributary.Connectors.Hunter;

/// <summary>
/// Hunter.io v2: <c>GET /combined/find?email=</c> when the email is known, else <c>GET /email-finder</c> from a name
/// and a domain; <c>GET /companies/find?domain=</c> for companies. Hunter's statuses are its own: 403 is throttling,
/// 429 spent monthly credits, 451 a person who asked not to be processed. Failed lookups cost no credits.
/// </summary>
internal sealed class HunterConnector(ProviderHttp http, IOptions<HunterOptions> options, TimeProvider time) : IEnrichmentProvider
{
    public const string ProviderName = "hunter";

    private readonly HunterOptions _options = options.Value;

    public string Name => ProviderName;

    public bool CanLookup(EnrichmentQuery query) => query.Kind == LookupKind.Company
        ? query.Identifiers.Domain is not null
        : query.Identifiers.Email is not null
            || (query.Identifiers.FullName is not null && (query.Identifiers.Domain ?? query.Identifiers.Company) is not null);

    /// <summary>The combined lookup sends the email alone; the email finder a name with a domain, else with a company.</summary>
    public IdentifierSet IdentifiersSent(EnrichmentQuery query)
    {
        var identifiers = query.Identifiers;
        return identifiers.Email is { } email
            ? new() { Email = email }
            : identifiers.Domain is { } domain
                ? new() { FullName = identifiers.FullName, Domain = domain }
                : new() { FullName = identifiers.FullName, Company = identifiers.Company };
    }

    public async Task<ProviderResult> LookupAsync(EnrichmentQuery query, CancellationToken cancellationToken)
    {
        try
        {
            var (path, parameters) = Endpoint(query);
            if (_options.SendsKeyInQuery)
            {
                parameters.Add(new("api_key", _options.ApiKey!));
            }

            var queryString = string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{_options.ApiBaseUrl}/{path}?{queryString}");
            if (!_options.SendsKeyInQuery)
            {
                request.Headers.Add("X-API-KEY", _options.ApiKey);
            }

            using var response = await http.SendAsync(Name, request, query.Budget, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return Failure(response.StatusCode);
            }

            return path switch
            {
                "combined/find" => FromCombined((await response.Content.ReadFromJsonAsync(HunterJsonContext.Default.HunterCombinedResponse, cancellationToken))?.Data),
                "companies/find" => FromCompany((await response.Content.ReadFromJsonAsync(HunterJsonContext.Default.HunterCompanyResponse, cancellationToken))?.Data),
                _ => FromFinder((await response.Content.ReadFromJsonAsync(HunterJsonContext.Default.HunterFinderResponse, cancellationToken))?.Data),
            };
        }
        catch (Exception ex) when (ProviderFailures.IsExpected(ex))
        {
            return ProviderFailures.FromException(ex);
        }
    }

    /// <summary>The endpoint that answers the query with the identifiers it carries.</summary>
    private static (string Path, List<KeyValuePair<string, string>> Parameters) Endpoint(EnrichmentQuery query)
    {
        var identifiers = query.Identifiers;
        if (query.Kind == LookupKind.Company)
        {
            return ("companies/find", [new("domain", identifiers.Domain!)]);
        }

        if (identifiers.Email is { } email)
        {
            return ("combined/find", [new("email", email)]);
        }

        List<KeyValuePair<string, string>> parameters = identifiers.Domain is { } domain ? [new("domain", domain)] : [new("company", identifiers.Company!)];
        if (identifiers is { FirstName: { } first, LastName: { } last })
        {
            parameters.Add(new("first_name", first));
            parameters.Add(new("last_name", last));
        }
        else
        {
            parameters.Add(new("full_name", identifiers.FullName!));
        }

        return ("email-finder", parameters);
    }

    private ProviderResult Failure(HttpStatusCode status) => (int)status switch
    {
        403 => ProviderResult.Failed(ProviderStatus.RateLimited, "throttled (HTTP 403)"),
        429 => ProviderResult.Failed(ProviderStatus.BudgetExhausted, "monthly credits exhausted (HTTP 429)") with
        {
            // Hunter's credits renew monthly; the account's billing day is unknown, so the calendar month is assumed.
            ExhaustedUntil = CreditRenewal.NextUtcMonth(time.GetUtcNow()),
        },

        // Nobody may be sent this person again: the engine adds them to the suppression list.
        451 => ProviderResult.Failed(ProviderStatus.InvalidInput, "subject opted out (HTTP 451)") with { SuppressSubject = true },
        _ => ProviderFailures.FromStatus(status),
    };

    private ProviderResult FromCombined(HunterCombined? combined)
    {
        if (combined?.Person is null && combined?.Company is null)
        {
            return ProviderResult.NoMatch(billed: false);
        }

        var confidence = combined.Person?.Fuzzy == true ? HunterMapping.FuzzyConfidence : HunterMapping.ExactConfidence;
        var profile = new ProfileBuilder(Name, confidence, time.GetUtcNow());
        if (combined.Person is not null)
        {
            HunterMapping.MapPerson(combined.Person, profile);
        }

        // The company record is more authoritative than the person's employment block, so it is mapped last.
        if (combined.Company is not null && combined.Person?.EmailProvider != true)
        {
            HunterMapping.MapCompany(combined.Company, profile);
        }

        return ProviderResult.Matched(profile.Build(), confidence);
    }

    private ProviderResult FromCompany(HunterCompany? company)
    {
        if (company is null)
        {
            return ProviderResult.NoMatch(billed: false);
        }

        var profile = new ProfileBuilder(Name, HunterMapping.ExactConfidence, time.GetUtcNow());
        HunterMapping.MapCompany(company, profile);
        return ProviderResult.Matched(profile.Build(), HunterMapping.ExactConfidence);
    }

    private ProviderResult FromFinder(HunterFinder? finder)
    {
        // A finder that found no address answers 200 with email null, and charges nothing for it.
        if (string.IsNullOrWhiteSpace(finder?.Email))
        {
            return ProviderResult.NoMatch(billed: false);
        }

        var confidence = HunterMapping.Confidence(finder);
        var profile = new ProfileBuilder(Name, confidence, time.GetUtcNow());
        HunterMapping.MapFinder(finder, profile);
        return ProviderResult.Matched(profile.Build(), confidence);
    }
}
