namespace Tributary.Host.Jobs;

/// <summary>A valid <c>POST /v1/jobs</c> body: the records as submitted (one JSON object each), where to call back, and how to enrich.</summary>
internal sealed record JobSubmission(IReadOnlyList<string> Records, string? CallbackUrl, JobSettings Settings);
