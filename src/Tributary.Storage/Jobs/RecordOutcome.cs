namespace Tributary.Storage;

/// <summary>What happened to one input row or job record. Stored as its lower-case name.</summary>
public enum RecordOutcome
{
    /// <summary>At least one field was found.</summary>
    Matched,

    /// <summary>Every provider asked answered, without data.</summary>
    Unmatched,

    /// <summary>Not enriched: unreadable, or no usable identifier.</summary>
    Rejected,

    /// <summary>No provider could answer this time (timeouts, errors, open circuits); a rerun retries it.</summary>
    Failed,
}
