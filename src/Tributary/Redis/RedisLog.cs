namespace Tributary.Host.Redis;

internal static partial class RedisLog
{
    [LoggerMessage(EventId = 9401, Level = LogLevel.Warning,
        Message = "Redis at {EndPoint} lost ({Failure}): this process caches alone and keeps to 1/{Nodes} of each provider's quota until it returns")]
    public static partial void Lost(ILogger logger, string? endPoint, string failure, int nodes);

    [LoggerMessage(EventId = 9402, Level = LogLevel.Information, Message = "Redis at {EndPoint} is back: the shared cache and rate budgets apply again")]
    public static partial void Restored(ILogger logger, string? endPoint);

    [LoggerMessage(EventId = 9406, Level = LogLevel.Warning,
        Message = "Redis did not answer a {Operation} in time: this process caches alone and keeps to 1/{Nodes} of each provider's quota until it answers again")]
    public static partial void Unresponsive(ILogger logger, string operation, int nodes);

    [LoggerMessage(EventId = 9403, Level = LogLevel.Debug, Message = "Redis {Operation} failed; going on without it")]
    public static partial void OperationFailed(ILogger logger, string operation, Exception exception);

    [LoggerMessage(EventId = 9404, Level = LogLevel.Warning,
        Message = "Erasure could not remove the subject's answers from the shared cache ({Reason}): no process serves them (every read is screened against the suppression list); this process removes them once Redis is back, and if it stops before that, erase again")]
    public static partial void ErasureNotShared(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(EventId = 9405, Level = LogLevel.Information,
        Message = "Redis is back: {Erasures} erasures made while it was away removed {Entries} shared cache entries")]
    public static partial void ErasuresShared(ILogger logger, int erasures, int entries);
}
