namespace Tributary.Host.Privacy;

/// <summary>Log messages of retention and erasure: counts and keyed hashes only.</summary>
internal static partial class PrivacyLog
{
    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "Retention ({Days} days): purged {Ledger} ledger answers, {Rows} warehouse rows, {Profiles} profiles, {JobRecords} job records")]
    public static partial void Purged(ILogger logger, int days, int ledger, int rows, int profiles, int jobRecords);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Error, Message = "Retention purge failed; it runs again tomorrow")]
    public static partial void PurgeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Information, Message = "Subject {SubjectHash} was erased while a background write of it was under way: erased again ({Rows} rows)")]
    public static partial void ErasedAgain(ILogger logger, string subjectHash, int rows);
}
