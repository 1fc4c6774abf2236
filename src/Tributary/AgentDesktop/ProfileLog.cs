
namespace Tributary.Host.AgentDesktop;

/// <summary>Log messages of profiles and their audit; no identifier values, only profile ids and counts.</summary>
internal static partial class ProfileLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Error, Message = "Audit rows could not be written ({Pending} waiting); retrying")]
    public static partial void AuditFailed(ILogger logger, Exception exception, int pending);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "Profile {ProfileId} served with a stale CDP part: the Profile API failed")]
    public static partial void ServedStale(ILogger logger, string profileId);
}
