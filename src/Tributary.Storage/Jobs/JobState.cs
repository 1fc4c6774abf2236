namespace Tributary.Storage;

/// <summary>Where a bulk job is. Stored as its lower-case name.</summary>
public enum JobState
{
    /// <summary>Accepted, not yet picked up (or handed back by a server that stopped).</summary>
    Queued,

    /// <summary>Claimed by a server that is enriching its records.</summary>
    Running,

    /// <summary>Every record has a result.</summary>
    Completed,

    /// <summary>Stopped for good by an error that is not about one record.</summary>
    Failed,
}
