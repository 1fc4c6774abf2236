namespace Tributary.Host.Batch;

/// <summary>Log lines of batch enrichment. Rows are named by line number, never by their identifiers.</summary>
internal static partial class BatchLog
{
    [LoggerMessage(1, LogLevel.Error, "Row at line {Line} failed unexpectedly ({Error}); it is marked failed and the run goes on")]
    public static partial void RowCrashed(ILogger logger, long line, string error);

    [LoggerMessage(2, LogLevel.Information, "Run {RunId} finished: {Rows} rows, {Matched} matched, {Rejected} rejected, {Failed} failed in {ElapsedMs} ms")]
    public static partial void RunFinished(ILogger logger, string runId, long rows, long matched, long rejected, long failed, long elapsedMs);
}
