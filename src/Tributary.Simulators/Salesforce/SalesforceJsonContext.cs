using System.Text.Json.Serialization;

namespace Tributary.Simulators.Salesforce;

/// <summary>Source-generated serialisation of the Salesforce fault control endpoint; Salesforce's own bodies are written by hand.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(SalesforceFaultSettings))]
internal sealed partial class SalesforceJsonContext : JsonSerializerContext;
