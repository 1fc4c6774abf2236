using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tributary.Deadlines;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Profiles;

namespace Tributary.Connectors.Clearbit;

/// <summary>
/// Clearbit Enrichment v2: combined find by email for people, company find by domain. 404 is a billed no-match,
/// 202 means the lookup was queued, 422 is invalid input.
/// </summary>
internal sealed class ClearbitConnector(ProviderHttp http, IOptions<ClearbitOptions> options, TimeProvider time) : IEnrichmentProvider
{
    public const string ProviderName = "clearbit";

    private readonly ClearbitOptions _options = options.Value;

    public string Name => ProviderName;

    public bool CanLookup(EnrichmentQuery query) =>
        query.Kind == LookupKind.Person ? query.Identifiers.Email is not null : query.Identifiers.Domain is not null;

    /// <summary>A person is looked up by email alone.</summary>
    public IdentifierSet IdentifiersSent(EnrichmentQuery query) => new() { Email = query.Identifiers.Email };

    public async Task<ProviderResult> LookupAsync(EnrichmentQuery query, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, RequestUri(query));
            request.Headers.Authorization = Authorization();
            using var response = await http.SendAsync(Name, request, query.Budget, cancellationToken);
            var apiVersion = HeaderValues.First(response, "API-Version");
            return await ReadAsync(response, query.Kind, cancellationToken) with { ApiVersion = apiVersion };
        }
        catch (Exception ex) when (ProviderFailures.IsExpected(ex))
        {
            return ProviderFailures.FromException(ex);
        }
    }

    private Uri RequestUri(EnrichmentQuery query)
    {
        // Streaming blocks up to a minute: only batch work may use it.
        var personBase = !query.Budget.IsRealTime && _options.StreamBaseUrl is { } stream ? stream : _options.PersonBaseUrl;
        return query.Kind == LookupKind.Person
            ? new Uri($"{personBase.TrimEnd('/')}/v2/combined/find?email={Uri.EscapeDataString(query.Identifiers.Email!)}")
            : new Uri($"{_options.CompanyBaseUrl.TrimEnd('/')}/v2/companies/find?domain={Uri.EscapeDataString(query.Identifiers.Domain!)}");
    }

    private AuthenticationHeaderValue Authorization() =>
        string.Equals(_options.AuthScheme, "basic", StringComparison.OrdinalIgnoreCase)
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.ApiKey + ":")))
            : new AuthenticationHeaderValue("Bearer", _options.ApiKey);

    private async Task<ProviderResult> ReadAsync(HttpResponseMessage response, LookupKind kind, CancellationToken cancellationToken)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
                {
                    return kind == LookupKind.Person
                        ? FromCombined(await JsonSerializer.DeserializeAsync(body, ClearbitJsonContext.Default.ClearbitCombined, cancellationToken))
                        : FromCompany(await JsonSerializer.DeserializeAsync(body, ClearbitJsonContext.Default.ClearbitCompany, cancellationToken));
                }

            case HttpStatusCode.Accepted:
                return ProviderResult.Failed(ProviderStatus.Queued, "lookup queued by Clearbit", billed: true);
            case HttpStatusCode.NotFound:
                // Clearbit bills unknown records; some 404s carry only {"message": …}, so the body is not required.
                return ProviderResult.NoMatch(billed: true);
            default:
                return ProviderFailures.FromStatus(response.StatusCode);
        }
    }

    private ProviderResult FromCombined(ClearbitCombined? combined)
    {
        if (combined?.Person is null && combined?.Company is null)
        {
            return ProviderResult.NoMatch(billed: true);
        }

        var confidence = ClearbitMapping.Confidence(combined.Person?.Fuzzy ?? combined.Company?.Fuzzy);
        var profile = new ProfileBuilder(Name, confidence, time.GetUtcNow());
        if (combined.Person is not null)
        {
            ClearbitMapping.MapPerson(combined.Person, profile);
        }

        // The company record is more authoritative than the person's employment block, so it is mapped last.
        if (combined.Company is not null && combined.Person?.EmailProvider != true)
        {
            ClearbitMapping.MapCompany(combined.Company, profile);
        }

        return ProviderResult.Matched(profile.Build(), confidence);
    }

    private ProviderResult FromCompany(ClearbitCompany? company)
    {
        if (company is null)
        {
            return ProviderResult.NoMatch(billed: true);
        }

        var confidence = ClearbitMapping.Confidence(company.Fuzzy);
        var profile = new ProfileBuilder(Name, confidence, time.GetUtcNow());
        ClearbitMapping.MapCompany(company, profile);
        return ProviderResult.Matched(profile.Build(), confidence);
    }
}
