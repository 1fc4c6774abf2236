using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Enrichment;

namespace Tributary.Providers;

/// <summary>
/// Every registered provider with its runtime, indexed once by name and ordered by priority then name.
/// </summary>
public sealed class ProviderCatalog
{
    private readonly FrozenDictionary<string, ProviderEntry> _byName;

    public ProviderCatalog(IEnumerable<IEnrichmentProvider> providers, IServiceProvider services)
    {
        All = providers
            .Select(p => new ProviderEntry(p, services.GetRequiredKeyedService<ProviderRuntime>(p.Name)))
            .OrderBy(e => e.Runtime.Options.Priority)
            .ThenBy(e => e.Provider.Name, StringComparer.Ordinal)
            .ToArray();
        _byName = All.ToFrozenDictionary(e => e.Provider.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every registered provider, enabled or not, in priority order.</summary>
    public IReadOnlyList<ProviderEntry> All { get; }

    public IEnumerable<ProviderEntry> Enabled => All.Where(e => e.Runtime.IsEnabled);

    public bool TryGet(string name, out ProviderEntry entry) => _byName.TryGetValue(name, out entry!);

    /// <summary>
    /// The providers a request asks, with their precedence rank: a named subset in the order given, or every
    /// enabled provider by configured priority.
    /// </summary>
    public IReadOnlyList<(ProviderEntry Entry, int Rank)> Resolve(IReadOnlyList<string>? subset)
    {
        if (subset is null || subset.Count == 0)
        {
            return Enabled.Select(e => (e, e.Runtime.Options.Priority)).ToArray();
        }

        var chosen = new List<(ProviderEntry, int)>(subset.Count);
        foreach (var name in subset)
        {
            if (!_byName.TryGetValue(name.Trim(), out var entry))
            {
                throw new UnknownProviderException(name);
            }

            if (!chosen.Exists(c => c.Item1.Provider.Name == entry.Provider.Name))
            {
                chosen.Add((entry, chosen.Count));
            }
        }

        return chosen;
    }
}

/// <summary>A provider and its runtime state.</summary>
public sealed record ProviderEntry(IEnrichmentProvider Provider, ProviderRuntime Runtime)
{
    public string Name => Provider.Name;

    /// <summary>
    /// Where its answers live in the cache and the ledger: the name, plus the API's host when the base URL is
    /// overridden, so answers from a simulator on loopback never serve as a real account's paid answers.
    /// </summary>
    public string KeyPrefix { get; } = Provider.Name + ApiNamespace(Runtime.Options.BaseUrl);

    private static string ApiNamespace(string? baseUrl) =>
        !Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? ""
        : uri.IsLoopback ? "@loopback"
        : "@" + uri.Authority.ToLowerInvariant();
}
