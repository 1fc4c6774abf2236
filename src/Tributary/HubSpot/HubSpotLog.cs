namespace Tributary.Host.HubSpot;

/// <summary>Log lines of the HubSpot client. Records are counted, never named by email or phone.</summary>
internal static partial class HubSpotLog
{
    [LoggerMessage(1, LogLevel.Debug, "HubSpot read {Requested} contacts: {Found} found, {Missing} missing")]
    public static partial void Read(ILogger logger, int requested, int found, int missing);

    [LoggerMessage(2, LogLevel.Debug, "HubSpot update of {Requested} contacts: {Failed} failed")]
    public static partial void Wrote(ILogger logger, int requested, int failed);

    [LoggerMessage(3, LogLevel.Warning, "HubSpot's daily API limit is spent; HubSpot work stops until {ResumeAt:u}")]
    public static partial void DailyLimit(ILogger logger, DateTimeOffset resumeAt);

    [LoggerMessage(4, LogLevel.Warning, "HubSpot is unavailable ({Reason}, HTTP {Status})")]
    public static partial void Unavailable(ILogger logger, string reason, int status);

    [LoggerMessage(5, LogLevel.Information, "HubSpot throttled a call ({Policy}); every HubSpot call waits {DelayMs} ms")]
    public static partial void Throttled(ILogger logger, string policy, long delayMs);

    [LoggerMessage(6, LogLevel.Warning, "HubSpot could not read {Failed} of {Requested} contacts ({Category}); the batch is read again later")]
    public static partial void ReadFailed(ILogger logger, int failed, int requested, string category);
}
