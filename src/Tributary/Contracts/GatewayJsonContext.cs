using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Tributary.Host.Contracts;

/// <summary>Source-generated JSON for everything the gateway reads and writes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(EnrichRequestBody))]
[JsonSerializable(typeof(FlatEnrichResponse))]
[JsonSerializable(typeof(ProfileResponse))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
