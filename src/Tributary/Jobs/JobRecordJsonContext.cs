using System.Text.Json;
using System.Text.Json.Serialization;
using Tributary.Host.Flat;

namespace Tributary.Host.Jobs;

/// <summary>A job record as kept in the store: the members of a <c>/v1/enrich</c> body the record has, nulls left out.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EnrichRequestBody))]
internal sealed partial class JobRecordJsonContext : JsonSerializerContext;
