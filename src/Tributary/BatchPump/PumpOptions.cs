using Tributary.Enrichment;

namespace Tributary.Host.BatchPump;

/// <summary>How one batch run is enriched and how much of it may be in memory.</summary>
internal sealed record PumpOptions
{
    /// <summary>
    /// Records enriched together: a whole bulk call at every provider that has one (People Data Labs takes 100,
    /// ZoomInfo 25, Apollo 10 per call, so 100 makes full calls at each).
    /// </summary>
    public const int DefaultChunkSize = 100;

    /// <summary>Parallel or waterfall for every record; null uses <c>Enrichment:Mode</c>.</summary>
    public EnrichmentMode? Mode { get; init; }

    /// <summary>Provider subset in order of precedence for every record; null uses every enabled provider.</summary>
    public IReadOnlyList<string>? Providers { get; init; }

    /// <summary>Chunks enriched at once.</summary>
    public int Concurrency { get; init; } = 8;

    public int ChunkSize { get; init; } = DefaultChunkSize;

    /// <summary>True when the sink must get chunks in source order (a file); false lets finished chunks go first.</summary>
    public bool Ordered { get; init; }

    /// <summary>
    /// Chunks read but not yet through the sink, at most: what bounds memory, whatever the source's size. Room for a
    /// chunk per worker being enriched and one waiting for each.
    /// </summary>
    public int MaxChunksInFlight => Concurrency * 2;
}
