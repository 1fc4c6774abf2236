using Tributary.Identifiers;
using Tributary.Profiles;

namespace Tributary.Enrichment;

/// <summary>What a caller asks the engine for.</summary>
public sealed record EnrichmentRequest(IdentifierSet Identifiers, LookupKind Kind = LookupKind.Person)
{
    /// <summary>Parallel or waterfall; null uses the configured default.</summary>
    public EnrichmentMode? Mode { get; init; }

    /// <summary>Provider subset in order of precedence; null or empty uses every enabled provider by priority.</summary>
    public IReadOnlyList<string>? Providers { get; init; }

    /// <summary>Total budget; null uses the configured default. Ignored for batch.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>True for batch work: no deadline, rate limits wait instead of failing.</summary>
    public bool IsBatch { get; init; }

    /// <summary>Fields that stop a waterfall once filled; empty uses the configured default.</summary>
    public IReadOnlyList<FieldDefinition> RequestedFields { get; init; } = [];
}
