namespace Tributary.Host.Segment;

/// <summary>What a Profile API read came to.</summary>
internal enum SegmentTraitsStatus
{
    /// <summary>200: the user's traits.</summary>
    Found,

    /// <summary>404: Segment has no profile with this user id.</summary>
    UnknownUser,

    /// <summary>429, 5xx, a timeout, a network error or an unreadable answer, still after the retries; or a 4xx refusal.</summary>
    Failed,

    /// <summary>The circuit is open: the Profile API was not called. Serve the last copy.</summary>
    CircuitOpen,
}
