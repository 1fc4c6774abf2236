using System.Collections.Concurrent;
using Tributary.Profiles;

namespace Tributary.Orchestration;

/// <summary>
/// What each provider has delivered, learned from its fresh answers (matches and misses alike): how often it filled
/// each field. A waterfall ordered by value asks first the provider expected to fill the most requested fields per
/// credit. Counts start from a neutral prior (one fill in two tries) so a provider nobody has tried yet still gets
/// its turn. Kept in memory: a restart relearns within a few hundred lookups.
/// </summary>
public sealed class ProviderValueStats
{
    private readonly ConcurrentDictionary<string, Stats> _byProvider = new(StringComparer.Ordinal);

    public void Record(string provider, Profile profile)
    {
        var stats = _byProvider.GetOrAdd(provider, _ => new Stats());
        lock (stats)
        {
            stats.Answers++;
            foreach (var field in profile.Definitions)
            {
                stats.Filled[field.Name] = stats.Filled.GetValueOrDefault(field.Name) + 1;
            }
        }
    }

    /// <summary>Expected share of <paramref name="fields"/> the provider fills (0–1).</summary>
    public double ExpectedFill(string provider, IReadOnlyList<FieldDefinition> fields)
    {
        if (fields.Count == 0)
        {
            return 0.5;
        }

        if (!_byProvider.TryGetValue(provider, out var stats))
        {
            return 0.5;
        }

        lock (stats)
        {
            return fields.Average(f => (stats.Filled.GetValueOrDefault(f.Name) + 1.0) / (stats.Answers + 2.0));
        }
    }

    /// <summary>Expected fill per credit; a free provider counts as costing a hundredth of a credit.</summary>
    public double Value(string provider, IReadOnlyList<FieldDefinition> fields, decimal costPerCall) =>
        ExpectedFill(provider, fields) / Math.Max(0.01, (double)costPerCall);

    private sealed class Stats
    {
        public long Answers { get; set; }

        public Dictionary<string, long> Filled { get; } = new(StringComparer.Ordinal);
    }
}
