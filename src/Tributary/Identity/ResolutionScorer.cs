using Tributary.Storage;

namespace Tributary.Host.Identity;

/// <summary>
/// Turns what the graph knows of a caller's identifiers into a match and a confidence. Deterministic: strong
/// identifiers (userId, crmId, email) each linked to exactly one profile, all the same one — confidence 1. Otherwise
/// each identifier is evidence for the profiles it is linked to, its weight shared among them (a phone of a household
/// of two is half the evidence for each), and independent pieces of evidence for one profile add up:
/// 1 − Π(1 − wᵢ / nᵢ). The best-supported profile wins, below 1.
/// </summary>
internal sealed class ResolutionScorer(IdentityOptions options)
{
    /// <summary>A phone linked to one profile: strong enough to proceed at the default threshold, not proof (lines are shared and reassigned).</summary>
    public const double PhoneWeight = 0.95;

    /// <summary>A strong identifier linked to several profiles (profiles were split after a wrong merge).</summary>
    public const double SharedStrongWeight = 0.95;

    /// <summary>Name and company: a hint, never enough alone to skip verification.</summary>
    public const double NameCompanyWeight = 0.6;

    /// <summary>Strong identifiers that name different profiles contradict each other: the strongest is answered, to be verified.</summary>
    public const double ConflictConfidence = 0.5;

    /// <summary>A probabilistic match stays below a deterministic one.</summary>
    public const double MaxProbabilistic = 0.99;

    public Resolution Score(IReadOnlyList<KeyedIdentifier> identifiers, IReadOnlyList<string> blockedTypes, IReadOnlyDictionary<IdentityKey, IReadOnlyList<IdentityLink>> matches)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        ArgumentNullException.ThrowIfNull(blockedTypes);
        ArgumentNullException.ThrowIfNull(matches);
        var (profileId, confidence, deterministic) = Choose(identifiers, matches);
        var evidence = identifiers
            .Select(i => new Evidence(i.Type, matches[i.Key].Count, profileId.Length > 0 && matches[i.Key].Any(l => l.ProfileId == profileId), false))
            .Concat(blockedTypes.Select(t => new Evidence(t, 0, false, true)))
            .ToList();

        if (profileId.Length == 0)
        {
            return new Resolution("", "guest", 0, "guest", evidence);
        }

        confidence = Math.Round(confidence, 3);
        var action = deterministic || confidence >= options.VerifyThreshold ? "proceed" : "verify";
        return new Resolution(profileId, deterministic ? "deterministic" : "probabilistic", deterministic ? 1 : confidence, action, evidence);
    }

    private static (string ProfileId, double Confidence, bool Deterministic) Choose(
        IReadOnlyList<KeyedIdentifier> identifiers, IReadOnlyDictionary<IdentityKey, IReadOnlyList<IdentityLink>> matches)
    {
        var unique = identifiers
            .Where(i => IdentifierTypes.IsStrong(i.Type) && matches[i.Key].Count == 1)
            .OrderBy(i => IdentifierTypes.Rank(i.Type))
            .ToList();
        var profiles = unique.Select(i => matches[i.Key][0].ProfileId).Distinct(StringComparer.Ordinal).ToList();
        if (profiles.Count == 1)
        {
            return (profiles[0], 1, true);
        }

        if (profiles.Count > 1)
        {
            return (matches[unique[0].Key][0].ProfileId, ConflictConfidence, false);
        }

        // Weak evidence only. Links come most recent first, so on a tie the profile linked most recently wins.
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var identifier in identifiers)
        {
            var links = matches[identifier.Key];
            var weight = Weight(identifier.Type) / Math.Max(1, links.Count);
            foreach (var link in links)
            {
                if (!scores.TryGetValue(link.ProfileId, out var score))
                {
                    order.Add(link.ProfileId);
                }

                scores[link.ProfileId] = 1 - ((1 - score) * (1 - weight));
            }
        }

        if (order.Count == 0)
        {
            return ("", 0, false);
        }

        var best = order.OrderByDescending(id => scores[id]).First();
        return (best, Math.Min(scores[best], MaxProbabilistic), false);
    }

    private static double Weight(string type) => type switch
    {
        IdentifierTypes.Phone => PhoneWeight,
        IdentifierTypes.NameCompany => NameCompanyWeight,
        _ => SharedStrongWeight,
    };
}
