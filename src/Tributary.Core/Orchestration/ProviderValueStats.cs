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

    /// <summary>What each provider has delivered so far: its fresh answers, and how many of them filled each field.</summary>
    public IReadOnlyDictionary<string, ProviderFills> Snapshot()
    {
        var snapshot = new Dictionary<string, ProviderFills>(StringComparer.Ordinal);
        foreach (var (provider, stats) in _byProvider)
        {
            lock (stats)
            {
                snapshot[provider] = new ProviderFills(stats.Answers, new Dictionary<string, long>(stats.Filled, StringComparer.Ordinal));
            }
        }

        return snapshot;
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

/// <summary>A provider's fresh answers and, per field name, how many of them filled it.</summary>
public sealed record ProviderFills(long Answers, IReadOnlyDictionary<string, long> Filled);
