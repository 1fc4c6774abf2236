namespace Tributary.Storage;

/// <summary>Delivery of a job's completion callback. Stored as its lower-case name.</summary>
public enum CallbackState
{
    /// <summary>The job has no callback URL.</summary>
    None,

    /// <summary>The job has finished and the callback is still to be delivered.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed.</summary>
    Failed,

    /// <summary>Not sent: the destination is an address callbacks may not reach.</summary>
    Refused,
}
