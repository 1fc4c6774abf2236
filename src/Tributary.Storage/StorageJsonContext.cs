using System.Text.Json.Serialization;

namespace Tributary.Storage;

/// <summary>JSON columns (lists, provenance), source-generated so writing a row needs no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<FieldProvenance>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
