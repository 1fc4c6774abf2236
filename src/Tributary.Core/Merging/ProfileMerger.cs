using Microsoft.Extensions.Options;
using Tributary.Enrichment;
using Tributary.Profiles;

namespace Tributary.Merging;

/// <summary>
/// Merges provider answers field by field. For each field the winner is the value with the best precedence
/// rank, then the highest confidence, then the provider name in ordinal order, so the result never depends
/// on which answer arrived first. Values below the field's minimum confidence are ignored, and an empty
/// value never replaces a real one (profiles hold no empty values to begin with).
/// </summary>
public sealed class ProfileMerger
{
    private readonly Dictionary<string, double> _minConfidence;

    public ProfileMerger(IOptions<EnrichmentOptions> options)
    {
        _minConfidence = new Dictionary<string, double>(options.Value.MinConfidence, StringComparer.OrdinalIgnoreCase);
    }

    public Profile Merge(IReadOnlyList<RankedProfile> contributions)
    {
        if (contributions.Count == 0)
        {
            return Profile.Empty;
        }

        if (contributions.Count == 1 && _minConfidence.Count == 0)
        {
            return contributions[0].Profile;
        }

        var winners = new Dictionary<string, (FieldDefinition Field, FieldValue Value, int Rank)>(StringComparer.Ordinal);
        foreach (var (rank, profile) in contributions)
        {
            foreach (var (field, value) in profile.Fields())
            {
                if (value.Confidence < MinimumFor(field))
                {
                    continue;
                }

                if (!winners.TryGetValue(field.Name, out var current) || Beats(value, rank, current.Value, current.Rank))
                {
                    winners[field.Name] = (field, value, rank);
                }
            }
        }

        var builder = new ProfileBuilder();
        foreach (var (field, value, _) in winners.Values)
        {
            builder.Set(field, value);
        }

        return builder.Build();
    }

    private double MinimumFor(FieldDefinition field) =>
        _minConfidence.Count > 0 && _minConfidence.TryGetValue(field.Name, out var min) ? min : 0;

    private static bool Beats(FieldValue candidate, int candidateRank, FieldValue current, int currentRank)
    {
        if (candidateRank != currentRank)
        {
            return candidateRank < currentRank;
        }

        if (candidate.Confidence != current.Confidence)
        {
            return candidate.Confidence > current.Confidence;
        }

        return string.CompareOrdinal(candidate.Source, current.Source) < 0;
    }
}
