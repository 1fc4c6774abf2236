using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tributary.Deadlines;
using Tributary.Enrichment;
using Tributary.Identifiers;

namespace Tributary.Connectors.Clearbit;

/// <summary>
/// Clearbit Enrichment v2: combined find by email for people, company find by domain. 404 is a billed no-match,
/// 202 means the lookup was queued (its record comes later by webhook, see <see cref="ClearbitWebhook"/>), 422 is
/// invalid input.
/// </summary>
internal sealed class ClearbitConnector(ProviderHttp http, IOptions<ClearbitOptions> options, ClearbitQueuedLookups queued, TimeProvider time) : IEnrichmentProvider
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
        if (query.LookupKey is { } held && queued.IsHeld(held))
        {
            return ProviderResult.Failed(ProviderStatus.Queued, "lookup queued by Clearbit; its record is awaited", billed: false);
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, RequestUri(query));
            request.Headers.Authorization = Authorization();
            using var response = await http.SendAsync(Name, request, query.Budget, cancellationToken);
            var apiVersion = HeaderValues.First(response, "API-Version");
            var result = await ReadAsync(response, query.Kind, cancellationToken) with { ApiVersion = apiVersion };
            if (query.LookupKey is { } key)
            {
                if (result.Status == ProviderStatus.Queued)
                {
                    queued.Hold(key, TimeSpan.FromSeconds(_options.QueuedRetrySeconds));
                }
                else
                {
                    queued.Release(key);
                }
            }

            return result;
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
        var lookup = query.Kind == LookupKind.Person
            ? $"{personBase.TrimEnd('/')}/v2/combined/find?email={Uri.EscapeDataString(query.Identifiers.Email!)}"
            : $"{_options.CompanyBaseUrl.TrimEnd('/')}/v2/companies/find?domain={Uri.EscapeDataString(query.Identifiers.Domain!)}";
        return new Uri(lookup + WebhookParameters(query));
    }

    /// <summary>
    /// Where Clearbit delivers the record of a lookup it queues (202), and the id it delivers it under: the id names
    /// the lookup's cache key, so <c>/webhooks/providers/clearbit</c> keeps the answer where the next lookup reads it.
    /// Without <see cref="ClearbitOptions.WebhookUrl"/>, the account's dashboard URL (if any) receives it.
    /// </summary>
    private string WebhookParameters(EnrichmentQuery query)
    {
        var id = query.LookupKey is { } key ? "&webhook_id=" + Uri.EscapeDataString(ClearbitWebhookId.For(key, time.GetUtcNow())) : string.Empty;
        return _options.WebhookUrl is { Length: > 0 } url ? id + "&webhook_url=" + Uri.EscapeDataString(url) : id;
    }

    private AuthenticationHeaderValue Authorization() =>
        string.Equals(_options.AuthScheme, "basic", StringComparison.OrdinalIgnoreCase)
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.ApiKey + ":")))
            : new AuthenticationHeaderValue("Bearer", _options.ApiKey);

    private async Task<ProviderResult> ReadAsync(HttpResponseMessage response, LookupKind kind, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return ClearbitResults.FromStatus(response.StatusCode, time.GetUtcNow());
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        try
        {
            return kind == LookupKind.Person
                ? ClearbitResults.FromCombined(await JsonSerializer.DeserializeAsync(body, ClearbitJsonContext.Default.ClearbitCombined, cancellationToken), time.GetUtcNow())
                : ClearbitResults.FromCompany(await JsonSerializer.DeserializeAsync(body, ClearbitJsonContext.Default.ClearbitCompany, cancellationToken), time.GetUtcNow());
        }
        catch (JsonException)
        {
            // Clearbit bills every 200, whether or not its body can be read: the call is counted as paid.
            return ProviderResult.Failed(ProviderStatus.ServerError, "malformed response", billed: true);
        }
    }
}
