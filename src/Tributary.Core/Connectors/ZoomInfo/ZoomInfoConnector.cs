using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tributary.Deadlines;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Json;
using Tributary.Profiles;

namespace Tributary.Connectors.ZoomInfo;

/// <summary>
/// ZoomInfo Enterprise API: <c>POST /enrich/contact</c> (up to 25 people per call) and <c>/enrich/company</c> with a
/// cached JWT, asking for the configured output fields. Results pair with inputs by the input each echoes. A no-match
/// is a 200 (not billed); a 401 renews the token and tries once more.
/// </summary>
internal sealed class ZoomInfoConnector(
    ProviderHttp http,
    ZoomInfoTokenSource tokens,
    IOptions<ZoomInfoOptions> options,
    TimeProvider time) : IBulkEnrichmentProvider
{
    public const string ProviderName = "zoominfo";

    private readonly ZoomInfoOptions _options = options.Value;

    public string Name => ProviderName;

    /// <summary>ZoomInfo takes up to 25 <c>matchPersonInput</c> (or <c>matchCompanyInput</c>) entries per enrich call.</summary>
    public int MaxBatchSize => 25;

    public bool CanLookup(EnrichmentQuery query) => query.Kind == LookupKind.Company
        ? query.Identifiers.Domain is not null || query.Identifiers.Company is not null
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
            IReadOnlyDictionary<string, string> input = query.Kind == LookupKind.Person
                ? PersonInput(query.Identifiers)
                : CompanyInput(query.Identifiers);
            using var response = await SendAsync(query.Kind, Body(query.Kind, [input]), query.Budget, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return await FailureAsync(response, cancellationToken);
            }

            var answers = await ReadAnswersAsync(response, [input], cancellationToken);
            return FromAnswer(answers[0], query.Kind);
        }
        catch (Exception ex) when (ex is ZoomInfoAuthenticationException || ProviderFailures.IsExpected(ex))
        {
            return Failure(ex);
        }
    }

    /// <summary>People go 25 per <c>POST /enrich/contact</c> call, companies 25 per <c>POST /enrich/company</c> call.</summary>
    public Task<IReadOnlyList<ProviderResult>> LookupManyAsync(IReadOnlyList<EnrichmentQuery> queries, CancellationToken cancellationToken) =>
        BulkLookup.LookupAsync(
            queries, MaxBatchSize, CanLookup, LookupAsync, (people, token) => MatchManyAsync(LookupKind.Person, people, token),
            "no identifier ZoomInfo matches on", cancellationToken, (companies, token) => MatchManyAsync(LookupKind.Company, companies, token));

    private async Task<ProviderResult[]> MatchManyAsync(LookupKind kind, EnrichmentQuery[] queries, CancellationToken cancellationToken)
    {
        try
        {
            // One call carries the whole batch, so it runs under the first query's budget (batch work has no deadline).
            IReadOnlyDictionary<string, string>[] inputs = kind == LookupKind.Person
                ? queries.Select(q => PersonInput(q.Identifiers)).ToArray()
                : queries.Select(q => CompanyInput(q.Identifiers)).ToArray();
            using var response = await SendAsync(kind, Body(kind, inputs), queries[0].Budget, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return BulkLookup.Repeat(await FailureAsync(response, cancellationToken), queries.Length);
            }

            // Each result names the input it answers; the order of data.result[] promises nothing.
            var answers = await ReadAnswersAsync(response, inputs, cancellationToken);
            return answers.Select(answer => FromAnswer(answer, kind)).ToArray();
        }
        catch (Exception ex) when (ex is ZoomInfoAuthenticationException || ProviderFailures.IsExpected(ex))
        {
            return BulkLookup.Repeat(Failure(ex), queries.Length);
        }
    }

    private static ProviderResult Failure(Exception ex) => ex is ZoomInfoAuthenticationException
        ? ProviderResult.Failed(ProviderStatus.Unauthorized, "authentication refused")
        : ProviderFailures.FromException(ex);

    /// <summary>Sends with the cached JWT; a 401 renews it and sends once more.</summary>
    private async Task<HttpResponseMessage> SendAsync(LookupKind kind, byte[] body, CallBudget budget, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var jwt = await tokens.GetAsync(cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, RequestUri(kind)) { Content = OutgoingJson.Of(body) };
            request.Headers.Authorization = new("Bearer", jwt);
            var response = await http.SendAsync(Name, request, budget, cancellationToken);
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

    private byte[] Body(LookupKind kind, IReadOnlyList<IReadOnlyDictionary<string, string>> inputs) => kind == LookupKind.Person
        ? OutgoingJson.Serialize(new ZoomInfoContactRequest(inputs, _options.ContactFields), ZoomInfoJsonContext.Default.ZoomInfoContactRequest)
        : OutgoingJson.Serialize(new ZoomInfoCompanyRequest(inputs, _options.CompanyFields), ZoomInfoJsonContext.Default.ZoomInfoCompanyRequest);

    /// <summary>A company by its website, else by its name.</summary>
    private static Dictionary<string, string> CompanyInput(IdentifierSet identifiers) => identifiers.Domain is { } domain
        ? new() { ["companyWebsite"] = domain }
        : new() { ["companyName"] = identifiers.Company! };

    /// <summary>The strongest identifier ZoomInfo matches on: email, then phone, then name with company.</summary>
    private static Dictionary<string, string> PersonInput(IdentifierSet identifiers)
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

    /// <summary>
    /// ZoomInfo's refusals are told apart by the body, as the reference documents them. The legacy API's 403 "You have
    /// used up all of your allowed record limit" and the GTM API's PFAPI0011 (credit limit reached) mean the account's
    /// allowance is spent: ZoomInfo is skipped for every caller until the next UTC day (the contract's renewal date is
    /// not in the answer; looking once a day costs one refused call). Any other 403 (ZI0002 scope, ZI0003 a field the
    /// account is not entitled to, a permissions error) refuses what was asked, not the account's allowance: it is
    /// unauthorized and parks nothing, so a fixed configuration is answered at once.
    /// </summary>
    private async Task<ProviderResult> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (body.Contains("PFAPI0011", StringComparison.Ordinal)
            || (response.StatusCode == HttpStatusCode.Forbidden && body.Contains("record limit", StringComparison.OrdinalIgnoreCase)))
        {
            return ProviderResult.Failed(ProviderStatus.BudgetExhausted, "ZoomInfo record limit reached") with
            {
                ExhaustedUntil = CreditRenewal.NextUtcDay(time.GetUtcNow()),
            };
        }

        if (body.Contains("ZI0003", StringComparison.Ordinal) || body.Contains("not entitled", StringComparison.OrdinalIgnoreCase))
        {
            return ProviderResult.Failed(ProviderStatus.Unauthorized, "the account is not entitled to a requested field; see Providers:ZoomInfo:OutputFields");
        }

        return ProviderFailures.FromStatus(response.StatusCode);
    }

    private static async Task<ZoomInfoAnswer[]> ReadAnswersAsync(
        HttpResponseMessage response, IReadOnlyList<IReadOnlyDictionary<string, string>> inputs, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return ZoomInfoResults.Match(document.RootElement, inputs);
    }

    private ProviderResult FromAnswer(ZoomInfoAnswer answer, LookupKind kind)
    {
        if (!answer.Answered)
        {
            return ProviderResult.Failed(ProviderStatus.ServerError, "missing from ZoomInfo's answer");
        }

        if (answer.Record is not { } record)
        {
            return ProviderResult.NoMatch(billed: false);
        }

        try
        {
            return kind == LookupKind.Company ? FromCompany(record) : FromContact(record);
        }
        catch (JsonException)
        {
            // One unreadable record fails that subject only, not the rest of its batch.
            return ProviderResult.Failed(ProviderStatus.ServerError, "malformed record");
        }
    }

    private ProviderResult FromCompany(JsonElement record)
    {
        var company = record.Deserialize(ZoomInfoJsonContext.Default.ZoomInfoCompany)!;
        var profile = new ProfileBuilder(Name, ZoomInfoMapping.DefaultConfidence, time.GetUtcNow());
        ZoomInfoMapping.MapCompany(company, profile);
        return ProviderResult.Matched(profile.Build(), ZoomInfoMapping.DefaultConfidence);
    }

    private ProviderResult FromContact(JsonElement record)
    {
        var contact = record.Deserialize(ZoomInfoJsonContext.Default.ZoomInfoContact)!;
        var confidence = ZoomInfoMapping.Confidence(contact);
        var profile = new ProfileBuilder(Name, confidence, time.GetUtcNow());
        ZoomInfoMapping.MapContact(contact, profile);
        return ProviderResult.Matched(profile.Build(), confidence);
    }
}
