using System.Collections.Concurrent;

namespace Tributary.Providers;

/// <summary>
/// The API version each provider last answered with in this process: its <c>API-Version</c> response header (Clearbit
/// sends one), or its configured <c>Providers:&lt;Name&gt;:ApiVersion</c> where it sends none. A run records a snapshot
/// when it finishes, so a provider changing its API shows in the run log.
/// </summary>
public sealed class ProviderApiVersions
{
    private readonly ConcurrentDictionary<string, string> _latest = new(StringComparer.Ordinal);

    /// <summary>Notes that <paramref name="provider"/> answered with <paramref name="version"/>.</summary>
    public void Record(string provider, string version) => _latest[provider] = version;

    /// <summary>Provider name → the version it last answered with; providers not asked yet are absent.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() => new SortedDictionary<string, string>(_latest, StringComparer.Ordinal);
}
