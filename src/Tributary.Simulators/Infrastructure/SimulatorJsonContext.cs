using System.Text.Json.Serialization;

namespace Tributary.Simulators.Infrastructure;

/// <summary>Source-generated serialisation for the control endpoints; provider bodies are written by hand.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(FaultSettings))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext;
