namespace Tributary.Host.Jobs;

/// <summary>Log lines of bulk jobs. Records are named by index, never by their identifiers.</summary>
internal static partial class JobsLog
{
    [LoggerMessage(1, LogLevel.Information, "Job {JobId} accepted with {Records} records")]
    public static partial void Accepted(ILogger logger, string jobId, int records);

    [LoggerMessage(2, LogLevel.Information, "Job {JobId} started ({Pending} records to do)")]
    public static partial void Started(ILogger logger, string jobId, long pending);

    [LoggerMessage(3, LogLevel.Information, "Job {JobId} {State}: {Processed}/{Total} records, {Matched} matched, {Rejected} rejected, {Failed} failed")]
    public static partial void Finished(ILogger logger, string jobId, string state, long processed, long total, long matched, long rejected, long failed);

    [LoggerMessage(4, LogLevel.Information, "Job {JobId} handed back at shutdown; the next server to start resumes it")]
    public static partial void Released(ILogger logger, string jobId);

    [LoggerMessage(5, LogLevel.Error, "Job {JobId} failed: {Error}")]
    public static partial void JobFailed(ILogger logger, string jobId, string error);

    [LoggerMessage(7, LogLevel.Error, "The job runner hit an error ({Error}); it carries on after the next poll")]
    public static partial void RunnerError(ILogger logger, string error);

    [LoggerMessage(8, LogLevel.Information, "Callback of job {JobId} {State} after {Attempts} attempt(s)")]
    public static partial void CallbackDone(ILogger logger, string jobId, string state, int attempts);

    [LoggerMessage(9, LogLevel.Warning, "Job {JobId} was taken over by another server after this one's lease ran out; this one stops and leaves it to that server")]
    public static partial void TakenOver(ILogger logger, string jobId);
}
