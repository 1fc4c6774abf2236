using Tributary.Storage;

namespace Tributary.Host.Pipeline;

/// <summary>The claim a pass works under and the run it counts toward.</summary>
internal sealed record ClaimScope(StagingClaim Claim, PipelineRun Run);
