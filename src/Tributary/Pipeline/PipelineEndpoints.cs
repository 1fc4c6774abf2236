using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Tributary.Host.Crm;
using Tributary.Host.HttpApi;
using Tributary.Storage;

namespace Tributary.Host.Pipeline;

/// <summary>The pipeline over HTTP: stage records for backfills, see what it has done, and undo a run's write-back.</summary>
internal static class PipelineEndpoints
{
    public static RouteGroupBuilder MapPipelineEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/staging", StageAsync)
            .WithTags("Pipeline")
            .WithName("StageRecords")
            .WithSummary("Stage CRM records (or bare identifiers) for the pipeline")
            .WithDescription("Body: a JSON array of {\"source\": \"hubspot\"|\"salesforce\", \"crmId\": \"…\"}, or identifiers with \"source\": \"none\" to enrich into enriched_contacts / unmatched_records without write-back. At most 10,000 records and Pipeline:MaxStagingBodyBytes (4 MB). A record already staged keeps its place. 202 with the count; the worker takes them from there.")
            .DocumentsBody<StagingRequestItem[]>("""[{"source":"hubspot","crmId":"1001"},{"source":"salesforce","crmId":"0035e00000AbCdE"},{"source":"none","id":"row-7","email":"jane.doe@acme.com"}]""")
            .Produces<StagingAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        v1.MapGet("/pipeline", StatusAsync)
            .WithTags("Pipeline")
            .WithName("GetPipeline")
            .WithSummary("The pipeline's queue, tables, dead letters and latest runs")
            .WithDescription("runs: latest first, each with processed, enriched, unmatched, failed, failureRate, credits, the providers' API versions and the CRMs' own usage figures (Sforce-Limit-Info).")
            .Produces<PipelineStatus>();

        v1.MapPost("/pipeline/runs/{runId}/rollback", RollbackAsync)
            .WithTags("Pipeline")
            .WithName("RollbackPipelineRun")
            .WithSummary("Restore the CRM values one pipeline run overwrote")
            .WithDescription("Each field the run wrote gets its old value back, where the CRM still holds the value the run wrote; a value changed since is left alone. Runs in the gateway, so in sandbox mode it reaches the simulators the run wrote to. 200 with the counts: fieldsWritten (0 when nothing is left to undo: the run wrote nothing, or was rolled back already), recordsRestored, fieldsRestored, fieldsSkipped. Safe to repeat; rollbacks in one gateway run one at a time. 404 for an unknown run; 503 when the CRM is unavailable (try again later).")
            .Produces<RollbackReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return v1;
    }

    private static async Task<Results<Accepted<StagingAccepted>, ProblemHttpResult>> StageAsync(
        HttpContext http, StagingInput input, IStagingQueue staging, PipelineWakeup wakeup, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
    {
        var maxBodyBytes = options.Value.MaxStagingBodyBytes;
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBodyBytes;
        }

        PooledBody? body;
        try
        {
            body = http.Request.ContentLength > maxBodyBytes ? null : await PooledBody.ReadAsync(http.Request, maxBodyBytes, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }

        if (body is null)
        {
            return Problems.Create(http, StatusCodes.Status413PayloadTooLarge, "Request body too large", $"A staging request may be at most {maxBodyBytes} bytes.");
        }

        List<StagingRequestItem> items;
        using (body)
        {
            if (!StagingBody.TryRead(body.Memory, out items, out var field, out var detail))
            {
                return Problems.BadRequest(http, field, detail);
            }
        }

        var records = new List<StagedRecord>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var (record, error) = input.ToRecord(items[i]);
            if (record is null)
            {
                return Problems.BadRequest(http, $"[{i}]", $"Record {i}: {error}.");
            }

            records.Add(record);
        }

        await staging.StageAsync(records, cancellationToken);
        wakeup.Signal();
        return TypedResults.Accepted("/v1/pipeline", new StagingAccepted(records.Count));
    }

    private static async Task<Results<Ok<RollbackReport>, ProblemHttpResult>> RollbackAsync(
        HttpContext http, string runId, IRunStore runs, PipelineRollback rollback, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(runId, "N", out var id))
        {
            return Problems.BadRequest(http, "runId", "A run id is 32 hexadecimal digits, as GET /v1/pipeline lists them.");
        }

        runId = id.ToString("N");
        if (await runs.GetAsync(runId, cancellationToken) is not { Kind: RunKind.Pipeline })
        {
            return Problems.Create(http, StatusCodes.Status404NotFound, "Not found", $"There is no pipeline run {runId}.");
        }

        try
        {
            // Not the request's token: a caller that stops waiting must not cut a rollback between the CRM's write and
            // the journal that records it.
            return TypedResults.Ok(await rollback.RollbackAsync(runId, lifetime.ApplicationStopping));
        }
        catch (CrmUnavailableException ex)
        {
            return Problems.Create(http, StatusCodes.Status503ServiceUnavailable, "CRM unavailable", $"{ex.Message}; the rollback is safe to repeat later.");
        }
    }

    private static async Task<Ok<PipelineStatus>> StatusAsync(PipelineStatusReader status, CancellationToken cancellationToken) =>
        TypedResults.Ok(await status.ReadAsync(cancellationToken));
}
