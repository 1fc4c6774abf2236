using System.Globalization;
using System.Reflection;

namespace Tributary.Storage;

/// <summary>One embedded <c>Migrations/NNNN_name.sql</c> file.</summary>
internal sealed record MigrationScript(long Version, string Name, string Sql)
{
    /// <summary>
    /// The scripts under a resource prefix, in version order. Two files with one number would leave one of them
    /// silently unapplied (the version is what is recorded), so that fails loudly instead.
    /// </summary>
    public static IReadOnlyList<MigrationScript> Load(string resourcePrefix)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal)))
        {
            var name = Path.GetFileNameWithoutExtension(resource[resourcePrefix.Length..]);
            var version = long.Parse(name.AsSpan(0, 4), provider: CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new MigrationScript(version, name, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Version == scripts[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migrations share version {scripts[i].Version}: {scripts[i - 1].Name} and {scripts[i].Name}.");
            }
        }

        return scripts;
    }
}
