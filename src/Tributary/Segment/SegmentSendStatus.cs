namespace Tributary.Host.Segment;

/// <summary>What became of one message sent to Segment.</summary>
internal enum SegmentSendStatus
{
    /// <summary>Segment answered 2xx: accepted (Segment may still drop it later; its Debugger tells).</summary>
    Accepted,

    /// <summary>Refused before sending: over 32 KB serialized. Sending it again cannot succeed.</summary>
    TooLarge,

    /// <summary>Refused before sending: no event name, no user or anonymous id, or a bad message id.</summary>
    Invalid,

    /// <summary>Segment refused the request (400, 401, 403, 413 …). Not retried; sending it unchanged cannot succeed.</summary>
    Rejected,

    /// <summary>5xx, 429, a timeout or a network error, still after the retries. Worth sending again later.</summary>
    Failed,
}
