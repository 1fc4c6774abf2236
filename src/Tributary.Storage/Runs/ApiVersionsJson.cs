using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tributary.Storage;

/// <summary>The <c>api_versions</c> column: <c>{"clearbit":["2024-01-01"]}</c>.</summary>
internal static class ApiVersionsJson
{
    public static string Write(IReadOnlyDictionary<string, IReadOnlyList<string>> versions) =>
        JsonSerializer.Serialize(
            versions.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            ApiVersionsJsonContext.Default.DictionaryStringStringArray);

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new Dictionary<string, IReadOnlyList<string>>();
        }

        var parsed = JsonSerializer.Deserialize(json, ApiVersionsJsonContext.Default.DictionaryStringStringArray) ?? [];
        return parsed.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }
}

[JsonSerializable(typeof(Dictionary<string, string[]>))]
internal sealed partial class ApiVersionsJsonContext : JsonSerializerContext;
