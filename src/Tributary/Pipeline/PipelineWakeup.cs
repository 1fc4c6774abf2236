using Tributary.Host.Queues;

namespace Tributary.Host.Pipeline;

/// <summary>Records were just staged for the pipeline.</summary>
internal sealed class PipelineWakeup : WorkSignal;
