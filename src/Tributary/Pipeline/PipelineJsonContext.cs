using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tributary.Host.Pipeline;

/// <summary>The pipeline's own JSON: staged payloads, dead-letter payloads, the staging request, the status and rollback answers, and alerts.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowDuplicateProperties = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StagedPayload))]
[JsonSerializable(typeof(DeadLetterPayload))]
[JsonSerializable(typeof(StagingRequestItem))]
[JsonSerializable(typeof(StagingAccepted))]
[JsonSerializable(typeof(PipelineStatus))]
[JsonSerializable(typeof(RollbackReport))]
[JsonSerializable(typeof(AlertMessage))]
internal sealed partial class PipelineJsonContext : JsonSerializerContext;
