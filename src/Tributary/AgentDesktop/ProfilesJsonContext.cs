using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tributary.Host.AgentDesktop;

/// <summary>Source-generated JSON for profiles and the audit.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(AgentProfile))]
[JsonSerializable(typeof(AuditResponse))]
internal sealed partial class ProfilesJsonContext : JsonSerializerContext;
