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
/// ZoomInfo Enterprise API: <c>POST /enrich/contact</c> (up to 25 people per call) and <c>/enrich/company</c> with a
/// cached JWT. A no-match is a 200 (not billed); a 401 renews the token and tries once more.
/// </summary>
internal sealed class ZoomInfoConnector(
    IHttpClientFactory clients,
    ZoomInfoTokenSource tokens,
    IOptions<ZoomInfoOptions> options,
    TimeProvider time) : IBulkEnrichmentProvider
{
    public const string ProviderName = "zoominfo";

    private readonly ZoomInfoOptions _options = options.Value;

    public string Name => ProviderName;

    /// <summary>ZoomInfo takes up to 25 <c>matchPersonInput</c> entries per enrich call.</summary>
    public int MaxBatchSize => 25;

    public bool CanLookup(EnrichmentQuery query) => query.Kind == LookupKind.Company
        ? query.Identifiers.Domain is not null
        : query.Identifiers.Email is not null || query.Identifiers.Phone is not null || query.Identifiers.HasNameAndCompany;

    /// <summary>The one identifier <see cref="PersonInput"/> sends: email, else phone, else name with company.</summary>
    public IdentifierSet IdentifiersSent(EnrichmentQuery query)
    {
        var identifiers = query.Identifiers;
        return identifiers.Email is { } email ? new() { Email = email }
            : identifiers.Phone is { } phone ? new() { Phone = phone }
            : new() { FullName = identifiers.FullName, Company = identifiers.Company };
    }

    public async Task<ProviderResult> LookupAsync(EnrichmentQuery query, CancellationToken cancellationToken)
    {
        try
        {
            var body = query.Kind == LookupKind.Person
                ? ContactBody([query])
                : JsonContent.Create(new ZoomInfoCompanyRequest([new() { ["companyWebsite"] = query.Identifiers.Domain! }], ZoomInfoMapping.CompanyOutputFields), ZoomInfoJsonContext.Default.ZoomInfoCompanyRequest);
            using var response = await SendAsync(query.Kind, body, query.Budget, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return await FailureAsync(response, cancellationToken);
            }

            var records = await ReadRecordsAsync(response, cancellationToken);
            return FromRecord(records.Count > 0 ? records[0] : null, query.Kind);
        }
        catch (Exception ex) when (ex is ZoomInfoAuthenticationException || ProviderFailures.IsExpected(ex))
        {
            return Failure(ex);
        }
    }

    /// <summary>People go 25 per <c>POST /enrich/contact</c> call; companies are looked up one by one.</summary>
    public Task<IReadOnlyList<ProviderResult>> LookupManyAsync(IReadOnlyList<EnrichmentQuery> queries, CancellationToken cancellationToken) =>
        BulkLookup.LookupAsync(queries, MaxBatchSize, CanLookup, LookupAsync, MatchContactsAsync, "no identifier ZoomInfo matches on", cancellationToken);

    private async Task<ProviderResult[]> MatchContactsAsync(EnrichmentQuery[] queries, CancellationToken cancellationToken)
    {
        try
        {
            // One call carries the whole batch, so it runs under the first query's budget (batch work has no deadline).
            using var response = await SendAsync(LookupKind.Person, ContactBody(queries), queries[0].Budget, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return BulkLookup.Repeat(await FailureAsync(response, cancellationToken), queries.Length);
            }

            // data.result[] is aligned with matchPersonInput[]: entry n answers query n.
            var records = await ReadRecordsAsync(response, cancellationToken);
            return queries.Select((_, n) => n < records.Count
                    ? FromRecord(records[n], LookupKind.Person)
                    : ProviderResult.Failed(ProviderStatus.ServerError, "missing from bulk answer"))
                .ToArray();
        }
        catch (Exception ex) when (ex is ZoomInfoAuthenticationException || ProviderFailures.IsExpected(ex))
        {
            return BulkLookup.Repeat(Failure(ex), queries.Length);
        }
    }

    private static ProviderResult Failure(Exception ex) => ex is ZoomInfoAuthenticationException
        ? ProviderResult.Failed(ProviderStatus.Unauthorized, "authentication refused")
        : ProviderFailures.FromException(ex);

    /// <summary>Sends with the cached JWT; a 401 renews it and sends once more (the body is buffered, so it can go twice).</summary>
    private async Task<HttpResponseMessage> SendAsync(LookupKind kind, JsonContent body, CallBudget budget, CancellationToken cancellationToken)
    {
        using var owned = body;
        var bytes = await body.ReadAsByteArrayAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var jwt = await tokens.GetAsync(cancellationToken);

            // A request disposes its content: each attempt gets its own over the same bytes.
            var content = new ByteArrayContent(bytes) { Headers = { ContentType = body.Headers.ContentType } };
            using var request = new HttpRequestMessage(HttpMethod.Post, RequestUri(kind)) { Content = content };
            request.Headers.Authorization = new("Bearer", jwt);
            var response = await ProviderCallContext.SendAsync(clients.CreateClient(Name), request, budget, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                // Expired or revoked early: renew once. A second 401 means the credentials themselves are wrong.
                response.Dispose();
                tokens.Invalidate(jwt);
                continue;
            }

            return response;
        }
    }

    private Uri RequestUri(LookupKind kind) =>
        new($"{_options.ApiBaseUrl}/enrich/{(kind == LookupKind.Person ? "contact" : "company")}");

    private static JsonContent ContactBody(IEnumerable<EnrichmentQuery> queries) => JsonContent.Create(
        new ZoomInfoContactRequest(queries.Select(q => PersonInput(q.Identifiers)).ToArray(), ZoomInfoMapping.ContactOutputFields),
        ZoomInfoJsonContext.Default.ZoomInfoContactRequest);

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

    private static async Task<ProviderResult> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // ZoomInfo reports an exhausted record allowance as 403 and a credit limit as PFAPI0011 (400).
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (body.Contains("PFAPI0011", StringComparison.Ordinal) || body.Contains("record limit", StringComparison.OrdinalIgnoreCase))
        {
            return ProviderResult.Failed(ProviderStatus.BudgetExhausted, "ZoomInfo credit limit reached");
        }

        return ProviderFailures.FromStatus(response.StatusCode);
    }

    private static async Task<IReadOnlyList<JsonElement?>> ReadRecordsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);

        // Cloned: the records outlive the document.
        return Records(document.RootElement).Select(r => r?.Clone()).ToArray();
    }

    private ProviderResult FromRecord(JsonElement? found, LookupKind kind)
    {
        if (found is not { } record)
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
    /// The first matched record of each input, in input order, in either response generation; null for NO_MATCH.
    /// Legacy: <c>data.result[n].data[0]</c>. GTM: <c>data[n].attributes</c> unless <c>type</c> is <c>NoMatch</c>.
    /// </summary>
    private static IEnumerable<JsonElement?> Records(JsonElement root)
    {
        if (!root.TryGetProperty("data", out var data))
        {
            return [];
        }

        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("result", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            return results.EnumerateArray().Select(LegacyRecord);
        }

        return data.ValueKind == JsonValueKind.Array ? data.EnumerateArray().Select(GtmRecord) : [];
    }

    private static JsonElement? LegacyRecord(JsonElement result) =>
        !IsNoMatch(result) && result.TryGetProperty("data", out var records) && records.ValueKind == JsonValueKind.Array && records.GetArrayLength() > 0
            ? records[0]
            : null;

    private static JsonElement? GtmRecord(JsonElement item)
    {
        var noMatch = (item.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "NoMatch")
            || (item.TryGetProperty("meta", out var meta) && IsNoMatch(meta));
        return !noMatch && item.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object
            ? attributes
            : null;
    }

    private static bool IsNoMatch(JsonElement element) =>
        element.TryGetProperty("matchStatus", out var status) && status.ValueKind == JsonValueKind.String
        && status.GetString() is "NO_MATCH" or "OPT_OUT";
}
