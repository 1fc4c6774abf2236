using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tributary.Deadlines;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Privacy;
using Tributary.Profiles;

namespace Tributary.Connectors.Http;

/// <summary>
/// The generic REST provider: <c>GET {BaseUrl}{PathTemplate}</c> with the configured auth, the JSON answer mapped
/// field by field. One instance per configured section, each with its own name, budget and circuit.
/// </summary>
internal sealed class HttpProviderConnector : IEnrichmentProvider
{
    private readonly ProviderHttp _http;
    private readonly TimeProvider _time;
    private readonly SensitiveValueMasker _masker;
    private readonly HttpProviderOptions _options;
    private readonly PathTemplate _template;
    private readonly HttpProviderMapping _mapping;
    private readonly JsonPath? _matchPath;
    private readonly Uri _baseUrl;

    /// <summary>Options have been validated at start (<see cref="HttpProviderOptionsValidator"/>), so they parse here.</summary>
    public HttpProviderConnector(string name, HttpProviderOptions options, ProviderHttp http, TimeProvider time, SensitiveValueMasker masker)
    {
        Name = name;
        _options = options;
        _http = http;
        _time = time;
        _masker = masker;
        _baseUrl = new Uri(options.BaseUrl!, UriKind.Absolute);
        _template = PathTemplate.TryParse(options.PathTemplate, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"{options.SectionPath}:PathTemplate {error}.");
        _mapping = HttpProviderMapping.TryCreate(options.Mapping, out var mapping, out error)
            ? mapping
            : throw new InvalidOperationException($"{options.SectionPath}:{error}.");
        _matchPath = options.MatchPath is null ? null
            : JsonPath.TryParse(options.MatchPath, out var matchPath) ? matchPath
            : throw new InvalidOperationException($"{options.SectionPath}:MatchPath is not a JSON path.");
    }

    public string Name { get; }

    public bool CanLookup(EnrichmentQuery query) => _template.CanExpand(query.Identifiers);

    /// <summary>Only the identifiers the path template carries.</summary>
    public IdentifierSet IdentifiersSent(EnrichmentQuery query) => _template.Sent(query.Identifiers);

    public async Task<ProviderResult> LookupAsync(EnrichmentQuery query, CancellationToken cancellationToken)
    {
        if (!TryBuildRequestUri(query, out var uri, out var problem))
        {
            // Nothing is sent: the value could have reached another path or host than the one configured.
            return ProviderResult.Failed(ProviderStatus.InvalidInput, problem);
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            Authenticate(request);
            using var response = await _http.SendAsync(Name, request, query.Budget, cancellationToken);
            if (_options.NoMatchStatusCodes.Contains((int)response.StatusCode))
            {
                return ProviderResult.NoMatch(billed: false);
            }

            if (!response.IsSuccessStatusCode)
            {
                return ProviderFailures.FromStatus(response.StatusCode);
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (body.Length == 0)
            {
                return ProviderResult.NoMatch(billed: false);
            }

            using var document = JsonDocument.Parse(body);
            return FromAnswer(document.RootElement);
        }
        catch (Exception ex) when (ProviderFailures.IsExpected(ex))
        {
            return ProviderFailures.FromException(ex);
        }
    }

    private bool TryBuildRequestUri(EnrichmentQuery query, out Uri uri, out string? problem)
    {
        uri = null!;
        if (!_template.TryExpand(query.Identifiers, out var path, out problem))
        {
            return false;
        }

        var url = $"{_baseUrl.AbsoluteUri.TrimEnd('/')}/{path.TrimStart('/')}";
        var auth = _options.Auth;
        if (Style(auth) == "query")
        {
            url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"{Uri.EscapeDataString(auth.QueryName)}={Uri.EscapeDataString(auth.Token ?? string.Empty)}";
        }

        // Encoding keeps every value inside its segment; this is the last word that the host is the configured one.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var built)
            || Uri.Compare(built, _baseUrl, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            problem = "the request URL would leave the configured host";
            return false;
        }

        uri = built;
        return true;
    }

    private void Authenticate(HttpRequestMessage request)
    {
        var auth = _options.Auth;
        switch (Style(auth))
        {
            case "bearer":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", auth.Token);
                break;
            case "basic":
                request.Headers.Authorization = new AuthenticationHeaderValue(
                    "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{auth.Username}:{auth.Password}")));
                break;
            case "header":
                request.Headers.TryAddWithoutValidation(auth.HeaderName, auth.Token);
                break;
        }
    }

    private ProviderResult FromAnswer(JsonElement root)
    {
        if (_matchPath is not null && !_matchPath.TryEvaluate(root, out _))
        {
            return ProviderResult.NoMatch(billed: false);
        }

        var profile = new ProfileBuilder(Name, _options.Confidence, _time.GetUtcNow());
        _mapping.Map(root, profile, _masker);
        var built = profile.Build();
        return built.IsEmpty ? ProviderResult.NoMatch(billed: false) : ProviderResult.Matched(built, _options.Confidence);
    }

    internal static string Style(HttpProviderAuthOptions auth) => auth.Style.Trim().ToLowerInvariant();
}
