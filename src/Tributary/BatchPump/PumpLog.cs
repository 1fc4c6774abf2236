namespace Tributary.Host.BatchPump;

/// <summary>Log lines of the batch pump. Records are counted, never named by their identifiers.</summary>
internal static partial class PumpLog
{
    [LoggerMessage(1, LogLevel.Error, "A chunk of {Records} records failed unexpectedly ({Error}); they are marked failed and the run goes on")]
    public static partial void ChunkCrashed(ILogger logger, int records, string error);

    [LoggerMessage(2, LogLevel.Error, "A record could not be read ({Error}); it is marked failed and the run goes on")]
    public static partial void RecordCrashed(ILogger logger, string error);
}
