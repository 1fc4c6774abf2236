namespace Tributary.Host.Batch;

/// <summary>Log lines of batch enrichment. Rows are named by line number, never by their identifiers.</summary>
internal static partial class BatchLog
{
    [LoggerMessage(2, LogLevel.Information, "Run {RunId} finished: {Rows} rows, {Matched} matched, {Rejected} rejected, {Failed} failed in {ElapsedMs} ms")]
    public static partial void RunFinished(ILogger logger, string runId, long rows, long matched, long rejected, long failed, long elapsedMs);
}
