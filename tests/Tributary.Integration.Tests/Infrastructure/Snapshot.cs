using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tributary.IntegrationTests.Infrastructure;

/// <summary>
/// Outward contracts that must not drift by accident, compared with files under <c>Snapshots/</c>. Set
/// <c>UPDATE_SNAPSHOTS=1</c> to rewrite them after an intended change, then review the diff.
/// </summary>
internal static class Snapshot
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Match(string name, string actual, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "..", "Snapshots", name);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" || !File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            File.Exists(path).ShouldBeTrue();
            return;
        }

        actual.ReplaceLineEndings().ShouldBe(File.ReadAllText(path).ReplaceLineEndings(), $"{name} changed; rerun with UPDATE_SNAPSHOTS=1 if intended");
    }

    /// <summary>JSON with the parts that vary between runs (server URL) removed.</summary>
    public static string Normalize(JsonNode document)
    {
        document.AsObject().Remove("servers");
        return document.ToJsonString(Indented) + Environment.NewLine;
    }
}
