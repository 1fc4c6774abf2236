using Microsoft.Extensions.Options;
using Tributary.Privacy;
using Tributary.Storage;

namespace Tributary.Host.Identity;

/// <summary>
/// Identify, resolve and unmerge over the identity graph: the endpoints call it, and so can the pipeline and the
/// enrichment answers (<c>Identity:LinkOnEnrich</c>). Input arrives normalised (<see cref="IdentityRequests"/>).
/// </summary>
internal sealed class IdentityService(
    IIdentityGraph graph,
    IOptions<IdentityOptions> options,
    SummaryBuilder summaries,
    IdentifierHasher hasher,
    TimeProvider time,
    ILogger<IdentityService> logger)
{
    private readonly IdentifyPlanner _planner = new(options.Value);
    private readonly ResolutionScorer _scorer = new(options.Value);

    public async Task<IdentifyOutcome> IdentifyAsync(IdentifyInput input, CancellationToken cancellationToken) =>
        (await IdentifyManyAsync([input], cancellationToken))[0];

    /// <summary>Several identifies in order, in one transaction of the graph (batch work: the pipeline's links).</summary>
    public async Task<IReadOnlyList<IdentifyOutcome>> IdentifyManyAsync(IReadOnlyList<IdentifyInput> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var now = time.GetUtcNow();
        var outcomes = await graph.UpdateManyAsync(
            [.. inputs.Select(input =>
            {
                var newProfileId = NewProfileId(now);
                return new IdentityUpdate<IdentifyOutcome>([.. input.Identifiers.Select(i => i.Key)], view => _planner.Plan(input, view, newProfileId, now));
            })],
            cancellationToken);
        foreach (var outcome in outcomes)
        {
            if (outcome.Refusal is { } refusal)
            {
                IdentityLog.IdentifyRefused(logger, outcome.ProfileId, refusal.Type, refusal.Limit);
            }
            else if (outcome.Merged.Count > 0)
            {
                IdentityLog.Merged(logger, outcome.ProfileId, outcome.Merged.Count);
            }
        }

        return outcomes;
    }

    /// <summary>The resolution and, for a profile, its summary (<c>{}</c> for a guest).</summary>
    public async Task<(Resolution Resolution, System.Text.Json.JsonElement Summary)> ResolveAsync(
        IReadOnlyList<KeyedIdentifier> identifiers, IReadOnlyList<string> blockedTypes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        var matches = identifiers.Count == 0
            ? new Dictionary<IdentityKey, IReadOnlyList<IdentityLink>>()
            : await graph.FindAsync([.. identifiers.Select(i => i.Key)], cancellationToken);
        var resolution = _scorer.Score(identifiers, blockedTypes, matches);
        var profile = resolution.ProfileId.Length == 0 ? null : await graph.GetProfileAsync(resolution.ProfileId, cancellationToken);
        return (resolution, summaries.Build(profile?.Traits ?? "{}"));
    }

    /// <summary>Moves the identifier off the profile onto a new one; null when the profile does not hold it.</summary>
    public async Task<string?> UnmergeAsync(string profileId, Identifier identifier, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var newProfileId = NewProfileId(now);
        var key = new IdentityKey(identifier.Type, hasher.Hash(identifier.Value));
        if (!await graph.DetachAsync(profileId, key, newProfileId, now, cancellationToken))
        {
            return null;
        }

        IdentityLog.Unmerged(logger, profileId, identifier.Type, newProfileId);
        return newProfileId;
    }

    private static string NewProfileId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");
}
