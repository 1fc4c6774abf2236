namespace Tributary.Host.Segment;

/// <summary>Log lines of the Segment clients: counts and statuses, never a user id, trait or property.</summary>
internal static partial class SegmentLog
{
    [LoggerMessage(1, LogLevel.Debug, "Segment accepted {Count} messages ({Bytes} bytes)")]
    public static partial void Sent(ILogger logger, int count, int bytes);

    [LoggerMessage(2, LogLevel.Warning, "Segment refused {Count} messages with HTTP {Status}; they are not retried")]
    public static partial void Rejected(ILogger logger, int count, int status);

    [LoggerMessage(3, LogLevel.Warning, "Segment did not take {Count} messages after the retries (HTTP {Status}; 0 = no answer)")]
    public static partial void Failed(ILogger logger, int count, int status);

    [LoggerMessage(4, LogLevel.Warning, "{Count} messages were not sent to Segment: {Reason}")]
    public static partial void Refused(ILogger logger, SegmentSendStatus reason, int count);

    [LoggerMessage(5, LogLevel.Warning, "The Segment Profile API failed (HTTP {Status}, {Code}; 0 = no answer)")]
    public static partial void ProfileFailed(ILogger logger, int status, string? code);

    [LoggerMessage(6, LogLevel.Information, "The Segment Profile API circuit is open; traits are not read")]
    public static partial void ProfileCircuitOpen(ILogger logger);
}
