using Tributary.Enrichment;
using Tributary.Privacy;

namespace Tributary.Orchestration;

/// <summary>Cache and ledger keys: provider, lookup kind and a keyed hash of the normalised identifiers, never raw PII.</summary>
public sealed class LookupKeys(IdentifierHasher hasher)
{
    public string SubjectHash(EnrichmentQuery query) => hasher.Hash(Material(query));

    public string For(string provider, EnrichmentQuery query) =>
        string.Concat(provider, query.Kind == LookupKind.Person ? ":person:" : ":company:", SubjectHash(query));

    // A company is the same company whatever else the caller knew about the person.
    private static string Material(EnrichmentQuery query) =>
        query.Kind == LookupKind.Company ? "domain:" + query.Identifiers.Domain : query.Identifiers.CanonicalKey();
}
