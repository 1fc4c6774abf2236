using System.Globalization;
using Tributary.Caching;
using Tributary.Host.Identity;
using Tributary.Host.Outcomes;
using Tributary.Identifiers;
using Tributary.Privacy;
using Tributary.Providers;
using Tributary.Storage;

namespace Tributary.Host.Privacy;

/// <summary>
/// Right to erasure for one email or phone. The subject is suppressed first, so from then on this process neither
/// keeps nor serves an answer naming it (<see cref="SuppressedAnswers"/>) and no answer can be written behind the
/// clean-up; a background write that checked the list before it is waited for (<see cref="ErasureTurns"/>), so its rows
/// are erased too. Then the caches: this process's memory searched by content, the shared cache through its index by
/// subject (<see cref="SubjectEviction"/>). Then the store's copies (ledger, warehouse rows, unmatched rows, staging, job
/// records, identity links and profiles, trait values naming the subject, pending outcomes, dead letters, the
/// write-back journal) in one transaction.
/// Other processes stop serving the subject within <c>Privacy:SuppressionRefreshSeconds</c>: the engine checks
/// suppression before its cache, the cache screens every answer it reads, and a profile read checks the graph on
/// every request.
/// </summary>
internal sealed class SubjectEraser(
    IdentifierNormalizer normalizer,
    IdentifierHasher hasher,
    ProviderCatalog catalog,
    ILookupLedger ledger,
    SubjectEviction eviction,
    ISubjectErasure store,
    SuppressionList suppression,
    ErasureTurns erasures,
    IAuditLog audit,
    TimeProvider time)
{
    /// <summary>Erases the subject named by exactly one of <paramref name="email"/> and <paramref name="phone"/>.</summary>
    /// <exception cref="InvalidIdentifierException">The value is not an email or phone.</exception>
    public async Task<ErasureReceipt> ForgetAsync(string? email, string? phone, string actor, CancellationToken cancellationToken)
    {
        var type = email is not null ? "email" : "phone";
        var given = (email ?? phone ?? throw new ArgumentException("An email or a phone is required.", nameof(email))).Trim();
        var set = normalizer.Normalize(email is not null ? new RawIdentifiers(Email: given) : new RawIdentifiers(Phone: given));
        var value = (email is not null ? set.Email : set.Phone)
            ?? throw new InvalidIdentifierException(type, $"The {type} is not one Tributary can look up.");

        await suppression.SuppressAsync(Only(type, value), SuppressionList.ErasureReason, cancellationToken);
        var (counts, cached) = await RemoveAsync(type, value, set, [value, given], cancellationToken);
        var subject = SubjectHash(type, value);
        await audit.AppendAsync(new AuditEntry(actor, "subject.forget", subject, time.GetUtcNow()), cancellationToken);
        return new ErasureReceipt(
            subject, counts.Ledger, cached.Local, cached.Shared, counts.EnrichedContacts, counts.Unmatched, counts.Staging, counts.JobRecords,
            counts.IdentityLinks, counts.Profiles, counts.Traits, counts.Outcomes, counts.DeadLetters, counts.Journal, Suppressed: true);
    }

    /// <summary>
    /// Removes what a write that checked the suppression list before the erasure of <paramref name="erased"/> (an email
    /// or a phone, normalised, as <see cref="SuppressionList.ErasedSinceAsync"/> names it) put in the caches and the store
    /// after it: the erasure's clean-up once more, without a second receipt or audit entry. Returns the subject as the
    /// audit names it (a keyed hash) and the rows removed.
    /// </summary>
    public async Task<(string Subject, int Rows)> EraseAgainAsync(IdentifierSet erased, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erased);
        var (type, value) = erased.Email is { } email ? ("email", email) : ("phone", erased.Phone ?? throw new ArgumentException("An email or a phone is required.", nameof(erased)));
        var set = normalizer.Normalize(type == "email" ? new RawIdentifiers(Email: value) : new RawIdentifiers(Phone: value));
        var (counts, _) = await RemoveAsync(type, value, set, [value], cancellationToken);
        var rows = counts.Ledger + counts.EnrichedContacts + counts.Unmatched + counts.JobRecords + counts.IdentityLinks + counts.Profiles + counts.Traits + counts.Journal;
        return (SubjectHash(type, value), rows);
    }

    /// <summary>A normalised email whose domain is punycode (<c>xn--</c>) as it was typed, with its domain in Unicode.</summary>
    private static IEnumerable<string> UnicodeSpelling(string email)
    {
        var at = email.LastIndexOf('@');
        if (at < 0 || !email.Contains("xn--", StringComparison.Ordinal))
        {
            yield break;
        }

        string domain;
        try
        {
            domain = new IdnMapping().GetUnicode(email[(at + 1)..]);
        }
        catch (ArgumentException)
        {
            yield break;
        }

        yield return string.Concat(email.AsSpan(0, at + 1), domain);
    }

    /// <summary>The subject as receipts, audit entries and logs name it: a keyed hash of its type and normalised value.</summary>
    private string SubjectHash(string type, string value) => hasher.Hash(type + ":" + value);

    /// <summary>
    /// The clean-up of a suppressed subject: waits for a background write that checked the list before the suppression
    /// (its rows go too), then the caches, then every place in the store in one transaction.
    /// </summary>
    private async Task<(ErasureCounts Store, CacheEviction Cached)> RemoveAsync(
        string type, string value, IdentifierSet normalized, string[] spellings, CancellationToken cancellationToken)
    {
        using var turn = await erasures.TakeAsync(cancellationToken);

        // Answers still queued for the store must be there before the store is cleaned, or they would be written after.
        await ledger.FlushAsync(cancellationToken);
        var keys = LedgerKeys(normalized, type).ToList();
        var cached = await eviction.EvictAsync(Only(type, value), keys, cancellationToken);
        // What callers keep is free text: a phone is looked for in the ways people write it too, an email with an
        // international domain as typed (Unicode) too.
        IReadOnlyList<string> written = type == "phone" ? [.. spellings, .. IdentifierNormalizer.PhoneSpellings(value)] : [.. spellings, .. UnicodeSpelling(value)];
        var counts = await store.EraseAsync(
            new SubjectErasure(
                type,
                value,
                [.. spellings.Distinct().Select(hasher.Hash)],
                keys,
                PendingOutcome.Source,
                [.. written.Distinct()],
                IdentifierTypes.Linkable,
                time.GetUtcNow()),
            cancellationToken);
        return (counts, cached);
    }

    private static IdentifierSet Only(string type, string value) =>
        type == "email" ? new IdentifierSet { Email = value } : new IdentifierSet { Phone = value };

    /// <summary>
    /// The ledger and cache keys of lookups by this identifier alone, for every provider: the identifiers a provider may
    /// send for it (an email with or without the company domain it implies). Their no-match answers name nobody, so
    /// content cannot find them; answers of lookups that combined it with other identifiers are found by their content.
    /// </summary>
    private IEnumerable<string> LedgerKeys(IdentifierSet set, string type)
    {
        IdentifierSet[] variants = type == "email"
            ? [new IdentifierSet { Email = set.Email, Domain = set.Domain }, new IdentifierSet { Email = set.Email }]
            : [new IdentifierSet { Phone = set.Phone }];
        var hashes = variants.Select(v => hasher.Hash(v.CanonicalKey())).Distinct().ToList();
        return catalog.All.SelectMany(entry => hashes.Select(hash => entry.KeyPrefix + ":person:" + hash));
    }
}
