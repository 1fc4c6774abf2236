using Tributary.Profiles;

namespace Tributary.Enrichment;

/// <summary>The merged answer to one enrichment request.</summary>
/// <param name="Profile">Merged fields with provenance.</param>
/// <param name="Outcomes">One per provider considered, in precedence order.</param>
/// <param name="Confidence">Overall confidence, 0–1: the best match confidence among contributing providers.</param>
/// <param name="Partial">True when some provider could not answer (timeout, error, rate limit, open circuit…).</param>
/// <param name="Elapsed">Wall time of the whole request.</param>
public sealed record EnrichmentResult(
    Profile Profile,
    IReadOnlyList<ProviderOutcome> Outcomes,
    double Confidence,
    bool Partial,
    TimeSpan Elapsed)
{
    /// <summary>
    /// Where the merged fields came from: one provider's name, <c>mixed</c>, <c>cache</c> when every provider that
    /// contributed a field answered from the cache, or <c>none</c>.
    /// </summary>
    public string Source
    {
        get
        {
            string? single = null;
            foreach (var (_, value) in Profile.Fields())
            {
                if (single is null)
                {
                    single = value.Source;
                }
                else if (single != value.Source)
                {
                    single = "mixed";
                    break;
                }
            }

            if (single is null)
            {
                return "none";
            }

            var contributors = Profile.Fields().Select(f => f.Value.Source).ToHashSet(StringComparer.Ordinal);
            var allCached = Outcomes.Where(o => contributors.Contains(o.Provider)).All(o => o.Status == ProviderStatus.Cached || o.Stale);
            return allCached ? "cache" : single;
        }
    }
}
