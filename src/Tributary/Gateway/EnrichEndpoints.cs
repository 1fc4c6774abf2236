using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Tributary.Enrichment;
using Tributary.Host.Contracts;
using Tributary.Host.Flat;
using Tributary.Host.HttpApi;
using Tributary.Host.Identity;
using Tributary.Identifiers;
using Tributary.Orchestration;
using Tributary.Providers;

namespace Tributary.Host.Gateway;

/// <summary>
/// Real-time enrichment: the flat <c>/v1/enrich</c> for IVR data actions, and the nested person and company
/// profiles with provenance. Provider failures never become a 5xx: they are in the answer as statuses.
/// </summary>
internal static class EnrichEndpoints
{
    public static RouteGroupBuilder MapEnrichEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/enrich", EnrichFlatAsync)
            .WithName("Enrich")
            .WithSummary("Enrich a caller: flat profile for IVR data actions")
            .WithDescription("Identifiers in (email, phone or its alias phoneNumber, domain, name, company, linkedinUrl); a flat profile out in which every field is present (\"\" or 0 when unknown). Provider failures make the answer partial, never an error. Optional query maxBytes (default Gateway:MaxResponseBytes): the answer's UTF-8 size never exceeds it, values being emptied by priority; a cap below the emptied answer's size is a 400. Example body: {\"email\":\"jane.doe@acme.com\"}.")
            .DocumentsBody<EnrichRequestBody>("""{"email":"jane.doe@acme.com"}""")
            .ProducesFlatAnswer()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        v1.MapPost("/person/enrich", EnrichPersonAsync)
            .WithName("EnrichPerson")
            .WithSummary("Enrich a person: nested profile with provenance per field")
            .WithDescription("Same request as /v1/enrich. Each field carries value, source, confidence and observedAt; each provider its status and latency. Example body: {\"email\":\"jane.doe@acme.com\",\"mode\":\"waterfall\"}.")
            .DocumentsBody<EnrichRequestBody>("""{"email":"jane.doe@acme.com","mode":"waterfall","providers":["clearbit","zoominfo"],"timeoutMs":800}""")
            .Produces<ProfileResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        v1.MapGet("/company/enrich", EnrichCompanyAsync)
            .WithName("EnrichCompany")
            .WithSummary("Enrich a company by domain: nested profile with provenance per field")
            .WithDescription("Example: GET /v1/company/enrich?domain=acme.com. Optional providers (comma-separated), mode and timeoutMs.")
            .Produces<ProfileResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return v1;
    }

    private static async Task<Results<FlatEnrichResult, ProblemHttpResult>> EnrichFlatAsync(
        HttpContext http, JsonBody json, EnrichmentEngine engine, IdentifierNormalizer normalizer, FlatFields fields,
        ProviderCatalog catalog, AnswerLinks links, IOptions<GatewayOptions> gateway, int? maxBytes, CancellationToken cancellationToken)
    {
        var requestId = RequestIds.Of(http);
        var cap = maxBytes ?? gateway.Value.MaxResponseBytes;
        if (cap is { } limit)
        {
            // Refused before any provider is asked: no answer could be made to fit.
            var longestSource = catalog.All.Select(e => e.Name).Append("mixed").MaxBy(n => n.Length)!;
            var minimum = FlatAnswerTrimmer.MinimumBytes(fields, requestId, longestSource);
            if (limit < minimum)
            {
                return Problems.BadRequest(http, "maxBytes", $"maxBytes must be at least {minimum}: the size of an answer with every field empty.");
            }
        }

        var (body, problem) = await json.ReadAsync(http, GatewayJsonContext.Default.EnrichRequestBody, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await RunAsync(http, body!, LookupKind.Person, engine, normalizer, links, cancellationToken);
        return outcome.Problem ?? (Results<FlatEnrichResult, ProblemHttpResult>)new FlatEnrichResult(fields, FlatAnswer.Of(outcome.Result!), requestId, cap);
    }

    private static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> EnrichPersonAsync(
        HttpContext http, JsonBody json, EnrichmentEngine engine, IdentifierNormalizer normalizer, AnswerLinks links, CancellationToken cancellationToken)
    {
        var (body, problem) = await json.ReadAsync(http, GatewayJsonContext.Default.EnrichRequestBody, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await RunAsync(http, body!, LookupKind.Person, engine, normalizer, links, cancellationToken);
        return outcome.Problem ?? (Results<Ok<ProfileResponse>, ProblemHttpResult>)TypedResults.Ok(ResponseMapping.ToNested(outcome.Result!, RequestIds.Of(http)));
    }

    private static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> EnrichCompanyAsync(
        HttpContext http, string? domain, string? providers, string? mode, int? timeoutMs,
        EnrichmentEngine engine, IdentifierNormalizer normalizer, AnswerLinks links, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(domain))
        {
            return Problems.BadRequest(http, "domain", "The domain query parameter is required.");
        }

        var body = new EnrichRequestBody
        {
            Domain = domain,
            Mode = mode,
            TimeoutMs = timeoutMs,
            Providers = providers?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        var outcome = await RunAsync(http, body, LookupKind.Company, engine, normalizer, links, cancellationToken);
        return outcome.Problem ?? (Results<Ok<ProfileResponse>, ProblemHttpResult>)TypedResults.Ok(ResponseMapping.ToNested(outcome.Result!, RequestIds.Of(http)));
    }

    private static async Task<(EnrichmentResult? Result, ProblemHttpResult? Problem)> RunAsync(
        HttpContext http, EnrichRequestBody body, LookupKind kind, EnrichmentEngine engine, IdentifierNormalizer normalizer, AnswerLinks links,
        CancellationToken cancellationToken)
    {
        if (!EnrichRequestParser.TryBuild(body, kind, normalizer, out var request, out var field, out var detail))
        {
            return (null, Problems.BadRequest(http, field!, detail!));
        }

        try
        {
            var result = await engine.EnrichAsync(request!, cancellationToken);

            // Identity:LinkOnEnrich, off the request path: a non-blocking write to the link queue, nothing more.
            links.Offer(request!, result);
            return (result, null);
        }
        catch (UnknownProviderException ex)
        {
            return (null, Problems.BadRequest(http, "providers", $"Unknown provider '{ex.Provider}'."));
        }
    }
}
