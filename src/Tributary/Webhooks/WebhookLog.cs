namespace Tributary.Host.Webhooks;

/// <summary>Webhook log lines (event ids 6100–6199): counts and reasons, never a body.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(6100, LogLevel.Warning, "{Source} webhook refused: {Reason}")]
    public static partial void Refused(ILogger logger, string source, string reason);

    [LoggerMessage(6101, LogLevel.Information, "{Source} webhook: {Events} events, {Staged} new")]
    public static partial void Accepted(ILogger logger, string source, int events, int staged);

    [LoggerMessage(6102, LogLevel.Debug, "{Count} expired webhook dedup keys purged")]
    public static partial void KeysPurged(ILogger logger, int count);

    [LoggerMessage(6103, LogLevel.Warning, "Purging expired webhook dedup keys failed; retrying in an hour")]
    public static partial void PurgeFailed(ILogger logger, Exception exception);
}
