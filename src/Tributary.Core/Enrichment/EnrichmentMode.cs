namespace Tributary.Enrichment;

/// <summary>How providers are asked.</summary>
public enum EnrichmentMode
{
    /// <summary>All eligible providers at once, under one deadline.</summary>
    Parallel,

    /// <summary>One after another in priority order, stopping when the requested fields are filled.</summary>
    Waterfall,
}
