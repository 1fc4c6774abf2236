using Tributary.Storage;

namespace Tributary.Host.Pipeline;

/// <summary>The claim a pass works under, the run it counts toward, and when the pass began (before its first look at the suppression list).</summary>
internal sealed record ClaimScope(StagingClaim Claim, PipelineRun Run, DateTimeOffset Began);
