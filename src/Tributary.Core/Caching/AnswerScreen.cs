using Tributary.Enrichment;
using Tributary.Privacy;
using Tributary.Profiles;

namespace Tributary.Caching;

/// <summary>
/// What the lookup cache does for privacy with each answer it reads or keeps: one that names a suppressed subject
/// becomes a no match (<see cref="SuppressedAnswers"/>), and one written to the shared cache is indexed by the subjects
/// it names (<see cref="ISharedCacheIndex"/>). Without a suppression list (tools, unit tests) it lets everything by.
/// </summary>
internal sealed class AnswerScreen(SuppressedAnswers? suppressed, ISharedCacheIndex? index)
{
    private const string WithheldDetail = "the answer names a suppressed subject";

    /// <summary>True when the profile names a suppressed subject. Free while nothing is suppressed.</summary>
    public ValueTask<bool> WithholdsAsync(Profile profile, CancellationToken cancellationToken) =>
        suppressed is null || profile.IsEmpty ? ValueTask.FromResult(false) : suppressed.NameSuppressedAsync(profile, cancellationToken);

    /// <summary>
    /// The no match kept in place of an answer naming a suppressed subject: nothing personal, the same lifetime, so
    /// the lookup asks no provider about them again while the answer would have been kept.
    /// </summary>
    public static CacheEntry NoMatchFor(CacheEntry entry) =>
        new(ProviderStatus.NoMatch, Profile.Empty, 0, entry.ObservedAt, entry.ExpiresAt) { Origin = entry.Origin, Detail = WithheldDetail };

    /// <summary>Indexes an answer just written to the shared cache by the subjects it names.</summary>
    public ValueTask IndexAsync(string key, CacheEntry entry, TimeSpan ttl) =>
        index is not null && suppressed is not null && suppressed.SubjectsOf(entry.Profile) is { Count: > 0 } subjects
            ? index.AddAsync(key, subjects, ttl, CancellationToken.None)
            : ValueTask.CompletedTask;
}
