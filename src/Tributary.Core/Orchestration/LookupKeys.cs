using System.Buffers;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Privacy;
using Tributary.Providers;

namespace Tributary.Orchestration;

/// <summary>
/// Cache and ledger keys: provider, the API it points at, lookup kind, and a keyed hash of the identifiers that
/// provider actually sends — never raw PII. Two queries a provider cannot tell apart are one paid lookup.
/// </summary>
public sealed class LookupKeys(IdentifierHasher hasher)
{
    private const string PersonPart = ":person:";
    private const string CompanyPart = ":company:";

    // IdentifierHasher's output: 32 lower-case hex characters.
    private const int HashLength = 32;
    private static readonly SearchValues<char> HashCharacters = SearchValues.Create("0123456789abcdef");
    private static readonly IdentifierSet Nothing = new();

    /// <summary>The hash of everything the caller gave: names the subject in logs.</summary>
    public string SubjectHash(EnrichmentQuery query) =>
        hasher.Hash(query.Kind == LookupKind.Company ? CompanyMaterial(query.Identifiers) : query.Identifiers.CanonicalKey());

    /// <summary>
    /// The key of <paramref name="entry"/>'s answer for the query: <paramref name="subjectHash"/> is reused when the
    /// provider sends every identifier the caller gave.
    /// </summary>
    public string For(ProviderEntry entry, EnrichmentQuery query, string subjectHash)
    {
        var hash = subjectHash;
        if (query.Kind == LookupKind.Person)
        {
            // A provider that says it sends nothing keeps the whole subject's key: one key for every subject would
            // hand the first subject's answer to all the others.
            var sent = entry.Provider.IdentifiersSent(query);
            if (!ReferenceEquals(sent, query.Identifiers) && sent != query.Identifiers && sent != Nothing)
            {
                hash = hasher.Hash(sent.CanonicalKey());
            }
        }

        return string.Concat(entry.KeyPrefix, query.Kind == LookupKind.Person ? PersonPart : CompanyPart, hash);
    }

    /// <summary>
    /// The kind of lookup <paramref name="key"/> names when it is one of <paramref name="entry"/>'s keys as
    /// <see cref="For"/> builds them today; null for anything else (another provider's key, one from before its base
    /// URL changed, or text that is no key at all). A late answer is kept only under a key this test accepts.
    /// </summary>
    public static LookupKind? KindOf(ProviderEntry entry, string key)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(key);
        if (!key.StartsWith(entry.KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = key.AsSpan(entry.KeyPrefix.Length);
        LookupKind? kind = rest.StartsWith(PersonPart) ? LookupKind.Person : rest.StartsWith(CompanyPart) ? LookupKind.Company : null;
        if (kind is null)
        {
            return null;
        }

        var hash = rest[(kind == LookupKind.Person ? PersonPart : CompanyPart).Length..];
        return hash.Length == HashLength && !hash.ContainsAnyExcept(HashCharacters) ? kind : null;
    }

    // A company is the same company whatever else the caller knew about the person; without a domain, its name.
    private static string CompanyMaterial(IdentifierSet identifiers) =>
        identifiers.Domain is { } domain ? "domain:" + domain : "company:" + identifiers.Company?.ToLowerInvariant();
}
