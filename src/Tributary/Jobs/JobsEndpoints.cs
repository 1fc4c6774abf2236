using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Host.Flat;
using Tributary.Host.HttpApi;
using Tributary.Storage;

namespace Tributary.Host.Jobs;

/// <summary>
/// Bulk jobs: submit records, poll progress, stream results. Mapped on the <c>/v1</c> group, so gateway keys and the
/// caller quota apply; the records are kept in the store, so a job survives a restart of the server.
/// </summary>
internal static class JobsEndpoints
{
    public static RouteGroupBuilder MapJobsEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/jobs", SubmitAsync)
            .WithTags("Jobs")
            .WithName("SubmitJob")
            .WithSummary("Submit a bulk enrichment job")
            .WithDescription("Body: a JSON array of records with the identifiers of /v1/enrich, or {\"records\":[…],\"callbackUrl\":\"https://…\",\"mode\":\"waterfall\",\"providers\":[…]}, or JSON lines (Content-Type: application/x-ndjson). At most Jobs:MaxRecords records (default 10,000) and Jobs:MaxBodyBytes bytes (default 16 MB). 202 with the job id and a Location header; the records are enriched in the background.")
            .DocumentsBody<EnrichRequestBody[], JobEnvelope>("""{"records":[{"email":"jane.doe@acme.com"},{"domain":"acme.com","id":"row-2"}],"callbackUrl":"https://hooks.example.com/tributary","mode":"waterfall","providers":["zoominfo","clearbit"]}""")
            .DocumentsJsonLines<EnrichRequestBody>("{\"email\":\"jane.doe@acme.com\"}\n{\"phone\":\"+14152220123\",\"id\":\"row-2\"}\n")
            .Produces<JobAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        v1.MapGet("/jobs/{id}", GetAsync)
            .WithTags("Jobs")
            .WithName("GetJob")
            .WithSummary("A job's state, counts and progress")
            .WithDescription("status is queued, running, completed or failed; progress is processed / total, 0–1.")
            .Produces<JobStatusResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        v1.MapGet("/jobs/{id}/results", ResultsAsync)
            .WithTags("Jobs")
            .WithName("GetJobResults")
            .WithSummary("A job's results as JSON lines, in record order")
            .WithDescription("One line per record enriched so far: {\"index\":0,\"status\":\"matched\",…the flat fields of /v1/enrich…}. status is matched, unmatched, rejected (with a reason) or failed. Streamed; complete once the job is completed.")
            .Produces<string>(StatusCodes.Status200OK, "application/x-ndjson")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private static async Task<Results<Accepted<JobAccepted>, ProblemHttpResult>> SubmitAsync(
        HttpContext http, JobSubmissionReader reader, IJobStore store, JobWakeup wakeup, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (submission, problem) = await reader.ReadAsync(http, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var id = Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        var settings = JsonSerializer.Serialize(submission!.Settings, JobsJsonContext.Default.JobSettings);
        await store.CreateAsync(new NewJob(id, time.GetUtcNow(), settings, submission.CallbackUrl, submission.Records), cancellationToken);
        JobsLog.Accepted(loggers.CreateLogger("Tributary.Jobs"), id, submission.Records.Count);
        wakeup.JobQueued();
        return TypedResults.Accepted($"/v1/jobs/{id}", new JobAccepted(id, id, "queued"));
    }

    private static async Task<Results<Ok<JobStatusResponse>, ProblemHttpResult>> GetAsync(HttpContext http, string id, IJobStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } job
            ? TypedResults.Ok(JobStatusResponse.Of(job))
            : NotFound(http, id);

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ResultsAsync(HttpContext http, string id, IJobStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is null)
        {
            return NotFound(http, id);
        }

        return TypedResults.Stream(
            async stream =>
            {
                var newLine = "\n"u8.ToArray();
                await foreach (var line in store.ReadResultsAsync(id, http.RequestAborted))
                {
                    await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(line), http.RequestAborted);
                    await stream.WriteAsync(newLine, http.RequestAborted);
                }
            },
            "application/x-ndjson");
    }

    private static ProblemHttpResult NotFound(HttpContext http, string id) =>
        Problems.Create(http, StatusCodes.Status404NotFound, "Job not found", $"There is no job '{id}'.", "id");
}
