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
    IReadOnlyList<FieldDefinition> RequestedFields);
