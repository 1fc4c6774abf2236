using System.Collections.Frozen;
using Tributary.Enrichment;

namespace Tributary.Host.ProviderCallbacks;

/// <summary>
/// The providers that answer lookups later by calling back, indexed once by name. Each one's verified callbacks wait in
/// the staging queue under a source of their own (<c>clearbit-callback</c>), which is also their dedup scope.
/// </summary>
internal sealed class ProviderCallbackIndex
{
    private const string SourceSuffix = "-callback";

    private readonly FrozenDictionary<string, IProviderCallbacks> _byName;

    public ProviderCallbackIndex(IEnumerable<IProviderCallbacks> providers)
    {
        _byName = providers.ToFrozenDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        Names = [.. _byName.Keys.Order(StringComparer.Ordinal)];
        Sources = [.. Names.Select(SourceOf)];
    }

    /// <summary>Names of the providers with callbacks, for messages.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The staging sources the callback worker claims.</summary>
    public IReadOnlyCollection<string> Sources { get; }

    /// <summary>The staging source and dedup scope of <paramref name="provider"/>'s callbacks.</summary>
    public static string SourceOf(string provider) => provider + SourceSuffix;

    public IProviderCallbacks? Find(string provider) => _byName.GetValueOrDefault(provider);

    /// <summary>The provider whose callbacks are staged under <paramref name="source"/>, or null.</summary>
    public IProviderCallbacks? FromSource(string source) =>
        source.EndsWith(SourceSuffix, StringComparison.Ordinal) ? Find(source[..^SourceSuffix.Length]) : null;
}
