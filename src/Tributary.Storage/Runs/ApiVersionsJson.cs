using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tributary.Storage;

/// <summary>
/// The <c>api_versions</c> column: <c>{"clearbit":"2015-05-30","zoominfo":"enterprise"}</c>. Rows written before
/// versions were recorded hold a list per provider (<c>{"clearbit":["2024-01-01"]}</c>); they read as its last entry.
/// </summary>
internal static class ApiVersionsJson
{
    public static string Write(IReadOnlyDictionary<string, string> versions) =>
        JsonSerializer.Serialize(
            versions.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            ApiVersionsJsonContext.Default.DictionaryStringString);

    public static IReadOnlyDictionary<string, string> Read(string? json)
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return versions;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var provider in document.RootElement.EnumerateObject())
        {
            var value = provider.Value.ValueKind == JsonValueKind.Array && provider.Value.GetArrayLength() > 0
                ? provider.Value[provider.Value.GetArrayLength() - 1]
                : provider.Value;
            if (value.ValueKind == JsonValueKind.String)
            {
                versions[provider.Name] = value.GetString()!;
            }
        }

        return versions;
    }
}

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ApiVersionsJsonContext : JsonSerializerContext;
