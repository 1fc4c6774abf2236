namespace Tributary.Host.ContactCenter;

/// <summary>Contact-center log lines (event ids 6200–6299): conversation ids and outcomes, never a caller's number.</summary>
internal static partial class ContactCenterLog
{
    [LoggerMessage(6200, LogLevel.Information, "Conversation {ConversationId}: {Count} attributes written ({Source}) for caller {CallerHash}")]
    public static partial void AttributesWritten(ILogger logger, string conversationId, int count, string source, string callerHash);

    [LoggerMessage(6201, LogLevel.Information, "Conversation {ConversationId} is gone; nothing written")]
    public static partial void ConversationGone(ILogger logger, string conversationId);

    [LoggerMessage(6202, LogLevel.Warning, "Conversation {ConversationId}: attributes not written ({Reason}); dead letter")]
    public static partial void AttributesFailed(ILogger logger, string conversationId, string reason);

    [LoggerMessage(6203, LogLevel.Information, "External contact of caller {CallerHash} {Action}")]
    public static partial void ContactWritten(ILogger logger, string callerHash, string action);

    [LoggerMessage(6204, LogLevel.Warning, "External contact of caller {CallerHash} not written ({Reason}); dead letter")]
    public static partial void ContactFailed(ILogger logger, string callerHash, string reason);

    [LoggerMessage(6205, LogLevel.Error, "A contact-center item failed unexpectedly; it returns when its lease ends")]
    public static partial void ItemFailed(ILogger logger, Exception exception);
}
