using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.PeopleDataLabs;

/// <summary>
/// Person and company enrichment under <c>/v5</c>, single and bulk (1–100 requests, answered as an
/// array in request order with each request's metadata echoed). A miss is a 404 and costs nothing;
/// each match spends one credit, reported in <c>x-call-credits-spent</c> and <c>x-totallimit-remaining</c>.
/// </summary>
internal sealed class PdlEndpoints(PeopleDataLabsSimulator simulator)
{
    private const int MaxBulk = 100;

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var v5 = endpoints.MapGroup("/v5");
        v5.MapGet("/person/enrich", context => Guarded(context, "enrich", c => EnrichPersonAsync(c, new PdlParameters(c.Request.Query))));
        v5.MapPost("/person/enrich", context => Guarded(context, "enrich", EnrichPersonFromBodyAsync));
        v5.MapPost("/person/bulk", context => Guarded(context, "enrich", BulkPersonAsync));
        v5.MapGet("/company/enrich", context => Guarded(context, "enrich_company", EnrichCompanyAsync));
        v5.MapPost("/company/enrich/bulk", context => Guarded(context, "enrich_company", BulkCompanyAsync));
    }

    /// <summary>The key (X-Api-Key or api_key) and the credit balance, checked before any lookup.</summary>
    private Task Guarded(HttpContext context, string creditType, Func<HttpContext, Task> handler)
    {
        var request = context.Request;
        var key = request.Headers["X-Api-Key"].ToString() is { Length: > 0 } header ? header : request.Query["api_key"].ToString();
        if (key != simulator.ApiKey)
        {
            return PdlErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, "authentication_error", "Invalid or missing API key.");
        }

        context.Response.Headers["x-call-credits-type"] = creditType;
        if (simulator.Credits.IsExhausted || FaultSettings.For(context).CreditsExhausted)
        {
            ReportCredits(context, 0);
            return PdlErrors.PaymentRequiredAsync(context);
        }

        return handler(context);
    }

    private async Task EnrichPersonAsync(HttpContext context, PdlParameters parameters)
    {
        var (status, match, problem) = PdlPersonEnrichment.Run(simulator, parameters);
        if (status != 200 || match is null)
        {
            ReportCredits(context, 0);
            await (status == 400 ? PdlErrors.InvalidRequestAsync(context, problem!) : PdlErrors.NotFoundAsync(context));
            return;
        }

        ReportCredits(context, simulator.Credits.Spend(1));
        var options = (match, text: new PdlText(parameters.Flag("titlecase")), matched: parameters.Flag("include_if_matched"));
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, options, static (writer, state) =>
            WritePersonResult(writer, state.match, state.text, state.matched, metadata: null));
    }

    /// <summary>PDL also takes the person enrich parameters as a JSON body.</summary>
    private async Task EnrichPersonFromBodyAsync(HttpContext context)
    {
        using var body = await ReadBodyAsync(context);
        if (body is null)
        {
            await PdlErrors.InvalidRequestAsync(context, "The request body must be a JSON object.");
            return;
        }

        await EnrichPersonAsync(context, new PdlParameters(body.RootElement));
    }

    private async Task BulkPersonAsync(HttpContext context)
    {
        using var body = await ReadBodyAsync(context);
        if (Requests(body) is not { } requests)
        {
            await PdlErrors.InvalidRequestAsync(context, $"requests must be an array of 1 to {MaxBulk} entries.");
            return;
        }

        var defaults = new PdlParameters(body!.RootElement);
        var items = new List<PdlBulkItem<PdlPersonMatch>>(requests.Count);
        foreach (var request in requests)
        {
            var metadata = request.TryGetProperty("metadata", out var m) ? m : (JsonElement?)null;
            var parameters = new PdlParameters(request.TryGetProperty("params", out var p) ? p : default);
            var (status, match, _) = PdlPersonEnrichment.Run(simulator, parameters, defaults);
            if (match is not null && simulator.Credits.Spend(1) == 0)
            {
                // The balance ran out part-way through the batch.
                (status, match) = (402, null);
            }

            items.Add(match is not null
                ? PdlBulkItem<PdlPersonMatch>.Found(match, metadata)
                : PdlBulkItem<PdlPersonMatch>.Failed(status, PdlErrors.TypeFor(status), metadata));
        }

        ReportCredits(context, items.Count(static i => i.Status == 200));
        var options = (items, text: new PdlText(defaults.Flag("titlecase")), matched: defaults.Flag("include_if_matched"));
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, options, static (writer, state) =>
        {
            writer.WriteStartArray();
            foreach (var item in state.items)
            {
                if (item.Match is { } match)
                {
                    WritePersonResult(writer, match, state.text, state.matched, item.Metadata);
                }
                else
                {
                    item.WriteError(writer);
                }
            }

            writer.WriteEndArray();
        });
    }

    private Task EnrichCompanyAsync(HttpContext context)
    {
        var parameters = new PdlParameters(context.Request.Query);
        if (!HasCompanyInput(parameters))
        {
            return PdlErrors.InvalidRequestAsync(context, "The request must include one of name, pdl_id, profile, ticker or website.");
        }

        if (PdlMatcher.MatchCompany(simulator.Dataset, parameters) is not { } match)
        {
            ReportCredits(context, 0);
            return PdlErrors.NotFoundAsync(context);
        }

        ReportCredits(context, simulator.Credits.Spend(1));
        var state = (match, text: new PdlText(parameters.Flag("titlecase")));
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, state, static (writer, s) =>
            PdlCompanyJson.Write(writer, s.match.Company, s.match.Likelihood, s.text, metadata: null));
    }

    private async Task BulkCompanyAsync(HttpContext context)
    {
        using var body = await ReadBodyAsync(context);
        if (Requests(body) is not { } requests)
        {
            await PdlErrors.InvalidRequestAsync(context, $"requests must be an array of 1 to {MaxBulk} entries.");
            return;
        }

        var items = new List<PdlBulkItem<PdlCompanyMatch>>(requests.Count);
        foreach (var request in requests)
        {
            var metadata = request.TryGetProperty("metadata", out var m) ? m : (JsonElement?)null;
            var parameters = new PdlParameters(request.TryGetProperty("params", out var p) ? p : default);
            if (!HasCompanyInput(parameters))
            {
                items.Add(PdlBulkItem<PdlCompanyMatch>.Failed(400, PdlErrors.TypeFor(400), metadata));
                continue;
            }

            var match = PdlMatcher.MatchCompany(simulator.Dataset, parameters);
            var status = match is null ? 404 : simulator.Credits.Spend(1) == 1 ? 200 : 402;
            items.Add(status == 200
                ? PdlBulkItem<PdlCompanyMatch>.Found(match!, metadata)
                : PdlBulkItem<PdlCompanyMatch>.Failed(status, PdlErrors.TypeFor(status), metadata));
        }

        ReportCredits(context, items.Count(static i => i.Status == 200));
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, items, static (writer, results) =>
        {
            writer.WriteStartArray();
            foreach (var item in results)
            {
                if (item.Match is { } match)
                {
                    PdlCompanyJson.Write(writer, match.Company, match.Likelihood, default, item.Metadata);
                }
                else
                {
                    item.WriteError(writer);
                }
            }

            writer.WriteEndArray();
        });
    }

    private static void WritePersonResult(Utf8JsonWriter writer, PdlPersonMatch match, PdlText text, bool includeMatched, JsonElement? metadata)
    {
        writer.WriteStartObject();
        writer.WriteNumber("status", 200);
        writer.WriteNumber("likelihood", match.Likelihood);
        writer.WritePropertyName("data");
        PdlPersonJson.WriteData(writer, match.Person, text);
        if (includeMatched)
        {
            writer.WriteStringArray("matched", match.Matched);
        }

        if (metadata is { } echo)
        {
            writer.WritePropertyName("metadata");
            echo.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private void ReportCredits(HttpContext context, long spent)
    {
        var headers = context.Response.Headers;
        headers["x-call-credits-spent"] = spent.ToString(CultureInfo.InvariantCulture);
        headers["x-totallimit-remaining"] = simulator.Credits.Remaining.ToString(CultureInfo.InvariantCulture);
    }

    private static bool HasCompanyInput(PdlParameters parameters) =>
        parameters["name"] is not null || parameters["pdl_id"] is not null || parameters["profile"] is not null
        || parameters["ticker"] is not null || parameters["website"] is not null;

    private static List<JsonElement>? Requests(JsonDocument? body) =>
        body is not null && body.RootElement.TryGetProperty("requests", out var requests) && requests.ValueKind == JsonValueKind.Array
        && requests.GetArrayLength() is > 0 and <= MaxBulk
            ? [.. requests.EnumerateArray()]
            : null;

    private static async Task<JsonDocument?> ReadBodyAsync(HttpContext context)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
            // Reported as an invalid request by the caller.
        }

        return null;
    }
}
