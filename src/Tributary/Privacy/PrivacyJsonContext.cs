using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tributary.Host.Privacy;

/// <summary>Source-generated JSON for erasure.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowDuplicateProperties = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SubjectRequest))]
[JsonSerializable(typeof(ErasureReceipt))]
internal sealed partial class PrivacyJsonContext : JsonSerializerContext;
