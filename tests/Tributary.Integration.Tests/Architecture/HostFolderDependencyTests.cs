using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Tributary.IntegrationTests.Architecture;

/// <summary>The host's folders (Gateway, Jobs, Pipeline, Webhooks, HubSpot, …) depend on each other without a cycle.</summary>
public sealed partial class HostFolderDependencyTests
{
    [Fact]
    public void HostFolders_HaveNoDependencyCycle()
    {
        var host = Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", "..", "src", "Tributary"));
        var dependencies = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(host, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(host, file).Split(Path.DirectorySeparatorChar);
            if (relative.Length < 2 || relative[0] is "bin" or "obj")
            {
                continue;
            }

            var folder = relative[0];
            foreach (Match match in HostNamespace().Matches(File.ReadAllText(file)))
            {
                if (match.Groups[1].Value != folder)
                {
                    (dependencies.TryGetValue(folder, out var set) ? set : dependencies[folder] = []).Add(match.Groups[1].Value);
                }
            }
        }

        dependencies.Count.ShouldBeGreaterThan(5);
        var cycles = dependencies.Keys.Select(folder => CycleFrom(folder, dependencies)).Where(c => c is not null).ToArray();
        cycles.ShouldBeEmpty($"folder cycles: {string.Join("; ", cycles)}");
    }

    private static string? CycleFrom(string start, Dictionary<string, HashSet<string>> dependencies)
    {
        var pending = new Stack<List<string>>([[start]]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var path))
        {
            foreach (var next in dependencies.GetValueOrDefault(path[^1]) ?? [])
            {
                if (next == start)
                {
                    return string.Join(" → ", path.Append(start));
                }

                if (seen.Add(next))
                {
                    pending.Push([.. path, next]);
                }
            }
        }

        return null;
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    [GeneratedRegex(@"Tributary\.Host\.(\w+)")]
    private static partial Regex HostNamespace();
}
