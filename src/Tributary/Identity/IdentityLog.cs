namespace Tributary.Host.Identity;

/// <summary>Identity log lines. Profile ids and types only: never an identifier's value.</summary>
internal static partial class IdentityLog
{
    [LoggerMessage(1, LogLevel.Information, "Identify refused by merge protection: profile {ProfileId}, {Type} limit {Limit}")]
    public static partial void IdentifyRefused(ILogger logger, string profileId, string type, int limit);

    [LoggerMessage(2, LogLevel.Information, "Identify merged {Count} profiles into {ProfileId}")]
    public static partial void Merged(ILogger logger, string profileId, int count);

    [LoggerMessage(3, LogLevel.Information, "Unmerged a {Type} from profile {ProfileId} into new profile {NewProfileId}")]
    public static partial void Unmerged(ILogger logger, string profileId, string type, string newProfileId);
}
