namespace Tributary.Storage;

/// <summary>Progress of a job: records submitted, records with a result, and results by outcome.</summary>
public sealed record JobCounts(long Total, long Processed, long Matched, long Unmatched, long Rejected, long Failed)
{
    /// <summary>Share of records with a result, 0–1.</summary>
    public double Progress => Total == 0 ? 1 : (double)Processed / Total;
}
