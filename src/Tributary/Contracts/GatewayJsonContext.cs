using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Tributary.Host.Flat;

namespace Tributary.Host.Contracts;

/// <summary>
/// Source-generated JSON for what the gateway reads and writes through ASP.NET (the flat <c>/v1/enrich</c> answer is
/// written from the field list by <see cref="FlatJsonWriter"/>).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowDuplicateProperties = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(EnrichRequestBody))]
[JsonSerializable(typeof(ProfileResponse))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
