namespace Tributary.Enrichment;

/// <summary>How a waterfall orders providers.</summary>
public enum WaterfallOrder
{
    /// <summary>By configured priority.</summary>
    Priority,

    /// <summary>By observed fill rate of the requested fields per unit of cost.</summary>
    Value,
}
