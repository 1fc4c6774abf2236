namespace Tributary.Host.Outcomes;

/// <summary>Log messages of outcome delivery: message ids (hashes of the interaction id) and counts, never contents.</summary>
internal static partial class OutcomeLog
{
    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Outcome {MessageId} accepted by the CDP")]
    public static partial void Sent(ILogger logger, string messageId);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "Outcome {MessageId} not accepted (attempt {Attempt}); sending again in {Seconds:F0} s")]
    public static partial void Retrying(ILogger logger, string messageId, int attempt, double seconds);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Error, Message = "An outcome became a dead letter: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string reason);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Information, Message = "Outcome of erased profile {ProfileId} dropped")]
    public static partial void ProfileGone(ILogger logger, string profileId);

    [LoggerMessage(EventId = 9105, Level = LogLevel.Error, Message = "Outcome delivery failed; the claim returns when its lease ends")]
    public static partial void PassFailed(ILogger logger, Exception exception);
}
