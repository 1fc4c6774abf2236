namespace Tributary.Host.Jobs;

/// <summary>The <c>202</c> answer to <c>POST /v1/jobs</c>.</summary>
internal sealed record JobAccepted(string JobId, string Status);
