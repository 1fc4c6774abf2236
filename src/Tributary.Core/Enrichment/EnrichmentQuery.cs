using Tributary.Deadlines;
using Tributary.Identifiers;
using Tributary.Profiles;

namespace Tributary.Enrichment;

/// <summary>One lookup as a provider sees it: normalised identifiers, what to look up, and the caller's budget.</summary>
/// <param name="Identifiers">Normalised identifiers.</param>
/// <param name="Kind">Person or company.</param>
/// <param name="Budget">Deadline (real-time) or none (batch).</param>
/// <param name="RequestedFields">Fields the caller needs; empty means "whatever you have".</param>
public sealed record EnrichmentQuery(
    IdentifierSet Identifiers,
    LookupKind Kind,
    CallBudget Budget,
    IReadOnlyList<FieldDefinition> RequestedFields)
{
    /// <summary>
    /// The cache and ledger key the answer is kept under, set by the engine for the provider call. A provider that may
    /// answer later by calling back (Clearbit's webhook after a 202) is given it to echo, so the late answer lands
    /// where the next lookup of the subject reads. A keyed hash: it carries no raw identifier.
    /// </summary>
    public string? LookupKey { get; init; }
}
