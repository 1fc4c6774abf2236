using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tributary.Host.Outcomes;

/// <summary>Source-generated JSON for outcomes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowDuplicateProperties = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(OutcomeRequest))]
[JsonSerializable(typeof(OutcomeAccepted))]
[JsonSerializable(typeof(PendingOutcome))]
internal sealed partial class OutcomesJsonContext : JsonSerializerContext;
