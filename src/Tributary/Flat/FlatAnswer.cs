using Tributary.Enrichment;
using Tributary.Orchestration;
using Tributary.Profiles;

namespace Tributary.Host.Flat;

/// <summary>
/// The flat projection of one enrichment: the merged profile the fields of <see cref="FlatFields"/> are read from,
/// and the members every flat answer has after them.
/// </summary>
/// <param name="Profile">The merged profile.</param>
/// <param name="Confidence">Overall confidence, 0–1, rounded to three decimals.</param>
/// <param name="Source">One provider's name, <c>mixed</c>, <c>cache</c> or <c>none</c>.</param>
/// <param name="Partial">True when some provider could not answer.</param>
/// <param name="Providers">Each provider's status and latency: <c>clearbit:matched:212ms;zoominfo:timeout:500ms</c>.</param>
internal sealed record FlatAnswer(Profile Profile, double Confidence, string Source, bool Partial, string Providers)
{
    /// <summary>The answer of a record that was not enriched: every field unknown.</summary>
    public static FlatAnswer None { get; } = new(Profile.Empty, 0, "none", false, string.Empty);

    public static FlatAnswer Of(EnrichmentResult result) =>
        new(result.Profile, Math.Round(result.Confidence, 3), result.Source, result.Partial, EnrichmentEngine.Summarise(result.Outcomes));
}
