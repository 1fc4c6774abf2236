using System.ComponentModel;
using Tributary.Enrichment;
using Tributary.Profiles;

namespace Tributary.Caching;

/// <summary>
/// One provider's answer for one subject, as kept by the cache and the ledger. Only definitive answers
/// (matched, no_match) are stored; failure entries only travel from the provider call to its waiting callers,
/// carrying a stale profile when the ledger had an expired one.
/// </summary>
[ImmutableObject(true)]
public sealed record CacheEntry(
    ProviderStatus Status,
    Profile Profile,
    double Confidence,
    DateTimeOffset ObservedAt,
    DateTimeOffset ExpiresAt)
{
    public EntryOrigin Origin { get; init; }

    /// <summary>True when <see cref="Profile"/> is an expired answer served because the provider failed.</summary>
    public bool Stale { get; init; }

    public string? Detail { get; init; }

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt <= now;

    /// <summary>A call's failure with nothing to serve, as its waiting callers get it.</summary>
    public static CacheEntry Failure(ProviderStatus status, DateTimeOffset now, string? detail) =>
        new(status, Profile.Empty, 0, now, now) { Origin = EntryOrigin.Provider, Detail = detail };
}
