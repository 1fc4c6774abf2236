using System.Text.Json;

namespace Tributary.Storage;

/// <summary>The JSON text of list and provenance columns, the same on every backend.</summary>
internal static class StorageJson
{
    public static string Write(IReadOnlyList<string> values) => JsonSerializer.Serialize(values, StorageJsonContext.Default.IReadOnlyListString);

    public static string Write(IReadOnlyList<FieldProvenance> values) => JsonSerializer.Serialize(values, StorageJsonContext.Default.IReadOnlyListFieldProvenance);

    public static IReadOnlyList<string> ReadList(string json) => JsonSerializer.Deserialize(json, StorageJsonContext.Default.IReadOnlyListString) ?? [];

    public static IReadOnlyList<FieldProvenance> ReadProvenance(string json) =>
        JsonSerializer.Deserialize(json, StorageJsonContext.Default.IReadOnlyListFieldProvenance) ?? [];
}
