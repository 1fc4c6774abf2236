using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tributary.Host.Jobs;

/// <summary>Source-generated JSON for the jobs API and the stored job settings (result lines are written by <see cref="JobResultLine"/>).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowDuplicateProperties = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(JobAccepted))]
[JsonSerializable(typeof(JobStatusResponse))]
[JsonSerializable(typeof(JobSettings))]
internal sealed partial class JobsJsonContext : JsonSerializerContext;
