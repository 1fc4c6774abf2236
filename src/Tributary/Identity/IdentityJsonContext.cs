using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tributary.Host.Identity;

/// <summary>Source-generated JSON for the identity endpoints.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowDuplicateProperties = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
[JsonSerializable(typeof(IdentifyRequest))]
[JsonSerializable(typeof(IdentifyResponse))]
[JsonSerializable(typeof(ResolveRequest))]
[JsonSerializable(typeof(ResolveResponse))]
[JsonSerializable(typeof(UnmergeRequest))]
[JsonSerializable(typeof(UnmergeResponse))]
internal sealed partial class IdentityJsonContext : JsonSerializerContext;
