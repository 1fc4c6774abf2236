using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tributary.Host.Flat;

/// <summary>Source-generated JSON for the request body every caller of the flat contract reads.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowDuplicateProperties = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(EnrichRequestBody))]
internal sealed partial class FlatJsonContext : JsonSerializerContext;
