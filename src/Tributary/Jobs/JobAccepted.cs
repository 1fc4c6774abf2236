namespace Tributary.Host.Jobs;

/// <summary>
/// The <c>202</c> answer to <c>POST /v1/jobs</c>: the job's <c>id</c>, also under the name its status uses
/// (<c>jobId</c>), so a client reads it either way.
/// </summary>
internal sealed record JobAccepted(string Id, string JobId, string Status);
