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

    [LoggerMessage(4, LogLevel.Warning, "Linking an enrichment answer into the identity graph failed; dropped: email {EmailHash}, phone {PhoneHash}")]
    public static partial void AnswerLinkFailed(ILogger logger, Exception exception, string emailHash, string phoneHash);

    [LoggerMessage(5, LogLevel.Warning, "{Count} enrichment answers were not linked into the identity graph: its queue of {Capacity} was full")]
    public static partial void AnswerLinksDropped(ILogger logger, long count, int capacity);

    [LoggerMessage(6, LogLevel.Warning, "Shutdown left {Count} enrichment answers unlinked: the drain ran out of time")]
    public static partial void AnswerLinksLeft(ILogger logger, int count);
}
