using Microsoft.Extensions.Logging;

namespace Tributary.Caching;

internal static partial class LedgerLog
{
    [LoggerMessage(1100, LogLevel.Warning, "Writing {Count} paid answers to the ledger failed ({ExceptionType}: {Reason}); retrying in {DelayMs} ms, they stay queued and visible meanwhile")]
    public static partial void FlushFailed(ILogger logger, int count, string exceptionType, string reason, long delayMs);

    [LoggerMessage(1101, LogLevel.Error, "{Count} paid answers could not be written to the ledger before shutdown ({ExceptionType}); they will be bought again")]
    public static partial void LostAtShutdown(ILogger logger, int count, string exceptionType);
}
