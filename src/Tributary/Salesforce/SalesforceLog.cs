namespace Tributary.Host.Salesforce;

/// <summary>Log lines of the Salesforce client. Records are counted, never named by email or phone; tokens never appear.</summary>
internal static partial class SalesforceLog
{
    [LoggerMessage(1, LogLevel.Debug, "Salesforce read {Requested} records: {Found} found, {Missing} missing")]
    public static partial void Read(ILogger logger, int requested, int found, int missing);

    [LoggerMessage(2, LogLevel.Debug, "Salesforce update of {Requested} records: {Failed} failed")]
    public static partial void Wrote(ILogger logger, int requested, int failed);

    [LoggerMessage(3, LogLevel.Warning, "Salesforce's daily API limit is spent; Salesforce work stops until {ResumeAt:u}")]
    public static partial void DailyLimit(ILogger logger, DateTimeOffset resumeAt);

    [LoggerMessage(4, LogLevel.Warning, "Salesforce is unavailable ({Reason}, HTTP {Status}, {ErrorCode})")]
    public static partial void Unavailable(ILogger logger, string reason, int status, string? errorCode);

    [LoggerMessage(5, LogLevel.Information, "Salesforce session obtained ({Grant} grant)")]
    public static partial void LoggedIn(ILogger logger, string grant);

    [LoggerMessage(6, LogLevel.Warning, "The Salesforce login refused the client ({Error}, HTTP {Status})")]
    public static partial void LoginRefused(ILogger logger, string error, int status);

    [LoggerMessage(7, LogLevel.Information, "The Salesforce session expired or was revoked; logging in again")]
    public static partial void SessionExpired(ILogger logger);

    [LoggerMessage(8, LogLevel.Debug, "Salesforce rolled back {RolledBack} records of an all-or-none update for {Failed} that failed; sending them again without those")]
    public static partial void SendingRolledBackAgain(ILogger logger, int rolledBack, int failed);
}
