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
            var sent = entry.Provider.IdentifiersSent(query);
            if (!ReferenceEquals(sent, query.Identifiers) && sent != query.Identifiers)
            {
                hash = hasher.Hash(sent.CanonicalKey());
            }
        }

        return string.Concat(entry.KeyPrefix, query.Kind == LookupKind.Person ? ":person:" : ":company:", hash);
    }

    // A company is the same company whatever else the caller knew about the person.
    private static string CompanyMaterial(IdentifierSet identifiers) => "domain:" + identifiers.Domain;
}
