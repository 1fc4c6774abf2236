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
    /// Where the data came from: one provider's name, <c>mixed</c>, <c>cache</c> when every contribution was
    /// cached, or <c>none</c>.
    /// </summary>
    public string Source
    {
        get
        {
            string? single = null;
            var allCached = true;
            var any = false;
            foreach (var outcome in Outcomes)
            {
                if (outcome.Profile.IsEmpty)
                {
                    continue;
                }

                any = true;
                allCached &= outcome.Status == ProviderStatus.Cached || outcome.Stale;
                if (single is null)
                {
                    single = outcome.Provider;
                }
                else if (single != outcome.Provider)
                {
                    single = "mixed";
                }
            }

            return !any ? "none" : allCached ? "cache" : single!;
        }
    }
}
