using Tributary.Enrichment;

namespace Tributary.Host.Batch;

/// <summary>What <c>tributary enrich</c> was asked, with paths already absolute and options already validated.</summary>
internal sealed record FileEnrichmentRequest(
    string Input,
    InputFormat InputFormat,
    string Output,
    OutputFormat OutputFormat,
    string Rejects,
    IReadOnlyList<MapOverride> Overrides,
    EnrichmentMode? Mode,
    IReadOnlyList<string>? Providers,
    int Concurrency);
