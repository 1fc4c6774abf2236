namespace Tributary.Host.Pipeline;

/// <summary>The pipeline's log lines (event ids 6000–6099). Record ids are CRM ids, never identifiers.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(6000, LogLevel.Information, "Pipeline run {RunId} started{DryRun}")]
    public static partial void RunStarted(ILogger logger, string runId, string dryRun);

    [LoggerMessage(6001, LogLevel.Information, "Pipeline run {RunId} finished: {Processed} processed, {Enriched} enriched, {Unmatched} unmatched, {Failed} failed, {Written} written back, {Retried} retried")]
    public static partial void RunFinished(ILogger logger, string runId, long processed, long enriched, long unmatched, long failed, long written, long retried);

    [LoggerMessage(6002, LogLevel.Warning, "{Crm} unavailable ({Reason}); {Count} records put back")]
    public static partial void CrmUnavailable(ILogger logger, string crm, string reason, int count);

    [LoggerMessage(6003, LogLevel.Information, "{Count} records failed ({Reason}) on attempt {Attempt}; retrying in {DelaySeconds} s")]
    public static partial void Retrying(ILogger logger, int count, string reason, int attempt, double delaySeconds);

    [LoggerMessage(6004, LogLevel.Warning, "{Count} records became dead letters: {Reason}")]
    public static partial void DeadLettered(ILogger logger, int count, string reason);

    [LoggerMessage(6005, LogLevel.Error, "A pipeline pass failed; its records return when their lease ends")]
    public static partial void PassFailed(ILogger logger, Exception exception);

    [LoggerMessage(6006, LogLevel.Warning, "Pipeline run {RunId} failed {FailureRate:P1} of its records; alert sent")]
    public static partial void AlertSent(ILogger logger, string runId, double failureRate);

    [LoggerMessage(6007, LogLevel.Error, "The alert for pipeline run {RunId} could not be sent: {Reason}")]
    public static partial void AlertFailed(ILogger logger, string runId, string reason);

    [LoggerMessage(6008, LogLevel.Information, "Rollback of run {RunId}: {Restored} fields restored on {Records} records, {Skipped} left (changed since)")]
    public static partial void RolledBack(ILogger logger, string runId, int restored, int records, int skipped);

    [LoggerMessage(6009, LogLevel.Warning, "{Count} records of a {Crm} write-back were taken over by another worker after this one's lease ran out; it leaves them to that worker")]
    public static partial void LeaseLost(ILogger logger, int count, string crm);

    [LoggerMessage(6010, LogLevel.Warning, "The progress of pipeline run {RunId} could not be recorded; the next report tries again")]
    public static partial void ProgressNotRecorded(ILogger logger, string runId, Exception exception);

    [LoggerMessage(6011, LogLevel.Error, "A pipeline lane failed outside a pass (is the store reachable?); it tries again in {Seconds} s, and records it held return when their lease ends")]
    public static partial void LaneFailed(ILogger logger, double seconds, Exception exception);

    [LoggerMessage(6012, LogLevel.Warning, "The pipeline's open run could not be recorded as finished; it will be shown interrupted")]
    public static partial void RunNotFinished(ILogger logger, Exception exception);
}
