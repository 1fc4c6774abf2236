using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Profiles;
using Tributary.Resilience;

namespace Tributary.Connectors.ZoomInfo;

/// <summary>
/// ZoomInfo Enterprise API: <c>POST /enrich/contact</c> and <c>/enrich/company</c> with a cached JWT. A no-match is a
/// 200 (not billed); a 401 renews the token and tries once more.
/// </summary>
internal sealed class ZoomInfoConnector(
    IHttpClientFactory clients,
    ZoomInfoTokenSource tokens,
    IOptions<ZoomInfoOptions> options,
    TimeProvider time) : IEnrichmentProvider
{
    public const string ProviderName = "zoominfo";

    private readonly ZoomInfoOptions _options = options.Value;

    public string Name => ProviderName;

    public bool CanLookup(EnrichmentQuery query) => query.Kind == LookupKind.Company
        ? query.Identifiers.Domain is not null
        : query.Identifiers.Email is not null || query.Identifiers.Phone is not null || query.Identifiers.HasNameAndCompany;

    public async Task<ProviderResult> LookupAsync(EnrichmentQuery query, CancellationToken cancellationToken)
    {
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var jwt = await tokens.GetAsync(cancellationToken);
                using var request = new HttpRequestMessage(HttpMethod.Post, RequestUri(query.Kind)) { Content = Body(query) };
                request.Headers.Authorization = new("Bearer", jwt);
                using var response = await ProviderCallContext.SendAsync(clients.CreateClient(Name), request, query.Budget, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
                {
                    // Expired or revoked early: renew once. A second 401 means the credentials themselves are wrong.
                    tokens.Invalidate(jwt);
                    continue;
                }

                return await ReadAsync(response, query.Kind, cancellationToken);
            }
        }
        catch (ZoomInfoAuthenticationException)
        {
            return ProviderResult.Failed(ProviderStatus.Unauthorized, "authentication refused");
        }
        catch (Exception ex) when (ProviderFailures.IsExpected(ex))
        {
            return ProviderFailures.FromException(ex);
        }
    }

    private Uri RequestUri(LookupKind kind) =>
        new($"{_options.ApiBaseUrl}/enrich/{(kind == LookupKind.Person ? "contact" : "company")}");

    private static JsonContent Body(EnrichmentQuery query) => query.Kind == LookupKind.Person
        ? JsonContent.Create(new ZoomInfoContactRequest([PersonInput(query.Identifiers)], ZoomInfoMapping.ContactOutputFields), ZoomInfoJsonContext.Default.ZoomInfoContactRequest)
        : JsonContent.Create(new ZoomInfoCompanyRequest([new() { ["companyWebsite"] = query.Identifiers.Domain! }], ZoomInfoMapping.CompanyOutputFields), ZoomInfoJsonContext.Default.ZoomInfoCompanyRequest);

    /// <summary>The strongest identifier ZoomInfo matches on: email, then phone, then name with company.</summary>
    private static Dictionary<string, object> PersonInput(IdentifierSet identifiers)
    {
        if (identifiers.Email is { } email)
        {
            return new() { ["emailAddress"] = email };
        }

        if (identifiers.Phone is { } phone)
        {
            return new() { ["phone"] = phone };
        }

        return identifiers is { FirstName: { } first, LastName: { } last }
            ? new() { ["firstName"] = first, ["lastName"] = last, ["companyName"] = identifiers.Company! }
            : new() { ["fullName"] = identifiers.FullName!, ["companyName"] = identifiers.Company! };
    }

    private async Task<ProviderResult> ReadAsync(HttpResponseMessage response, LookupKind kind, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            // ZoomInfo reports an exhausted record allowance as 403 and a credit limit as PFAPI0011 (400).
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (body.Contains("PFAPI0011", StringComparison.Ordinal) || body.Contains("record limit", StringComparison.OrdinalIgnoreCase))
            {
                return ProviderResult.Failed(ProviderStatus.BudgetExhausted, "ZoomInfo credit limit reached");
            }

            return ProviderFailures.FromStatus(response.StatusCode);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        if (FirstRecord(document.RootElement) is not { } record)
        {
            return ProviderResult.NoMatch(billed: false);
        }

        var observedAt = time.GetUtcNow();
        if (kind == LookupKind.Company)
        {
            var company = record.Deserialize(ZoomInfoJsonContext.Default.ZoomInfoCompany)!;
            var companyProfile = new ProfileBuilder(Name, ZoomInfoMapping.DefaultConfidence, observedAt);
            ZoomInfoMapping.MapCompany(company, companyProfile);
            return ProviderResult.Matched(companyProfile.Build(), ZoomInfoMapping.DefaultConfidence);
        }

        var contact = record.Deserialize(ZoomInfoJsonContext.Default.ZoomInfoContact)!;
        var confidence = ZoomInfoMapping.Confidence(contact);
        var profile = new ProfileBuilder(Name, confidence, observedAt);
        ZoomInfoMapping.MapContact(contact, profile);
        return ProviderResult.Matched(profile.Build(), confidence);
    }

    /// <summary>
    /// The first matched record of the first input, in either response generation; null for NO_MATCH.
    /// Legacy: <c>data.result[0].data[0]</c>. GTM: <c>data[0].attributes</c> unless <c>type</c> is <c>NoMatch</c>.
    /// </summary>
    private static JsonElement? FirstRecord(JsonElement root)
    {
        if (!root.TryGetProperty("data", out var data))
        {
            return null;
        }

        if (data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("result", out var results) && results.ValueKind == JsonValueKind.Array && results.GetArrayLength() > 0)
        {
            var first = results[0];
            if (IsNoMatch(first))
            {
                return null;
            }

            return first.TryGetProperty("data", out var records) && records.ValueKind == JsonValueKind.Array && records.GetArrayLength() > 0
                ? records[0]
                : null;
        }

        if (data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0)
        {
            var first = data[0];
            var noMatch = (first.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "NoMatch")
                || (first.TryGetProperty("meta", out var meta) && IsNoMatch(meta));
            return !noMatch && first.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object
                ? attributes
                : null;
        }

        return null;
    }

    private static bool IsNoMatch(JsonElement element) =>
        element.TryGetProperty("matchStatus", out var status) && status.ValueKind == JsonValueKind.String
        && status.GetString() is "NO_MATCH" or "OPT_OUT";
}
