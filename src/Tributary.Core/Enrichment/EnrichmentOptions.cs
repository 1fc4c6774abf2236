using System.ComponentModel.DataAnnotations;

namespace Tributary.Enrichment;

/// <summary>Engine defaults, bound from <c>Enrichment</c>.</summary>
public sealed class EnrichmentOptions
{
    public const string SectionName = "Enrichment";

    /// <summary>Total budget of a real-time request. Default 800 ms.</summary>
    [Range(10, 60_000)]
    public int TimeoutMs { get; set; } = 800;

    /// <summary>Default mode when a request names none. Default parallel.</summary>
    public EnrichmentMode Mode { get; set; } = EnrichmentMode.Parallel;

    /// <summary>
    /// Minimum confidence a value needs to be merged, per field name (e.g. <c>jobTitle: 0.8</c>).
    /// Fields not listed accept any confidence.
    /// </summary>
    public Dictionary<string, double> MinConfidence { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How a waterfall orders providers when the request names none: <c>priority</c> (configured priority, default) or
    /// <c>value</c> (observed fill rate of the requested fields per credit, learned from past answers).
    /// </summary>
    public WaterfallOrder WaterfallOrder { get; set; } = WaterfallOrder.Priority;

    /// <summary>
    /// Fields that end a waterfall once filled, when a request names none.
    /// Default: name, jobTitle, companyName.
    /// </summary>
    public List<string> WaterfallFields { get; set; } = [];
}
