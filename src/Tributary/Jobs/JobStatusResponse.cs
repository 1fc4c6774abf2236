using Tributary.Storage;

namespace Tributary.Host.Jobs;

/// <summary><c>GET /v1/jobs/{id}</c>, and the body of the completion callback.</summary>
internal sealed record JobStatusResponse(
    string JobId,
    string Status,
    long Total,
    long Processed,
    long Matched,
    long Unmatched,
    long Rejected,
    long Failed,
    double Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    string ResultsUrl,
    JobCallbackResponse? Callback)
{
    public static JobStatusResponse Of(JobSnapshot job) => new(
        job.Id,
        job.State.ToString().ToLowerInvariant(),
        job.Counts.Total,
        job.Counts.Processed,
        job.Counts.Matched,
        job.Counts.Unmatched,
        job.Counts.Rejected,
        job.Counts.Failed,
        Math.Round(job.Counts.Progress, 4),
        job.CreatedAt,
        job.StartedAt,
        job.FinishedAt,
        job.Error,
        $"/v1/jobs/{job.Id}/results",
        job.CallbackUrl is null ? null : new JobCallbackResponse(job.CallbackUrl, job.CallbackState.ToString().ToLowerInvariant(), job.CallbackAttempts));
}

/// <summary>Where the completion callback goes and how its delivery went.</summary>
internal sealed record JobCallbackResponse(string Url, string State, int Attempts);
