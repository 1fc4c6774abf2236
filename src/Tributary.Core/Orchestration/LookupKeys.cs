using Tributary.Enrichment;
using Tributary.Privacy;

namespace Tributary.Orchestration;

/// <summary>Cache and ledger keys: provider, lookup kind and a keyed hash of the normalised identifiers, never raw PII.</summary>
public sealed class LookupKeys(IdentifierHasher hasher)
{
    public string SubjectHash(EnrichmentQuery query) => hasher.Hash(Material(query));

    /// <summary>The key of one provider's answer for a subject whose hash <see cref="SubjectHash"/> already gave.</summary>
    public static string For(string provider, LookupKind kind, string subjectHash) =>
        string.Concat(provider, kind == LookupKind.Person ? ":person:" : ":company:", subjectHash);

    // A company is the same company whatever else the caller knew about the person.
    private static string Material(EnrichmentQuery query) =>
        query.Kind == LookupKind.Company ? "domain:" + query.Identifiers.Domain : query.Identifiers.CanonicalKey();
}
