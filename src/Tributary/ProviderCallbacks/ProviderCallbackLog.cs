namespace Tributary.Host.ProviderCallbacks;

/// <summary>Provider callback log lines (event ids 6300–6399): providers, statuses and hashed lookup keys, never a record's content.</summary>
internal static partial class ProviderCallbackLog
{
    [LoggerMessage(6300, LogLevel.Information, "{Provider} callback kept as the answer of lookup {LookupKey}: {Status}")]
    public static partial void Kept(ILogger logger, string provider, string lookupKey, string status);

    [LoggerMessage(6301, LogLevel.Warning, "{Provider} callback {EventId} not kept: {Reason}")]
    public static partial void NotKept(ILogger logger, string provider, string eventId, string reason);

    [LoggerMessage(6302, LogLevel.Warning, "{Provider} callback {EventId} failed (attempt {Attempt}): {Reason}; retrying later")]
    public static partial void Failed(ILogger logger, string provider, string eventId, int attempt, string reason, Exception? exception);

    [LoggerMessage(6303, LogLevel.Error, "{Provider} callback {EventId} failed {Attempt} times: {Reason}; kept as a dead letter")]
    public static partial void DeadLettered(ILogger logger, string provider, string eventId, int attempt, string reason, Exception? exception);

    [LoggerMessage(6304, LogLevel.Error, "Claiming provider callbacks failed; retrying")]
    public static partial void ClaimFailed(ILogger logger, Exception exception);
}
