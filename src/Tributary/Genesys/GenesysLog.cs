namespace Tributary.Host.Genesys;

/// <summary>Genesys Cloud client log lines. Never a token, a secret or a phone number.</summary>
internal static partial class GenesysLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Genesys Cloud token issued, valid {LifetimeSeconds} s")]
    public static partial void TokenIssued(ILogger logger, long lifetimeSeconds);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Genesys Cloud login refused the OAuth client (HTTP {Status})")]
    public static partial void LoginRefused(ILogger logger, int status);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Genesys Cloud call: retry {Attempt} in {DelayMs} ms after {Cause}")]
    public static partial void Retrying(ILogger logger, int attempt, long delayMs, string cause);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Genesys Cloud {Operation} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string operation, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "Genesys Cloud {Operation}: the conversation or contact is gone (404)")]
    public static partial void Gone(ILogger logger, string operation);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Debug, Message = "Genesys Cloud {Operation} done in {ElapsedMs} ms")]
    public static partial void Done(ILogger logger, string operation, long elapsedMs);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "Genesys Cloud {Api} calls paused {PauseSeconds} s after a 429; other APIs go on")]
    public static partial void Paused(ILogger logger, string api, long pauseSeconds);

    [LoggerMessage(
        EventId = 4107,
        Level = LogLevel.Warning,
        Message = "Genesys Cloud {Api} calls paused {PauseSeconds} s (Genesys:MaxRetryAfterSeconds): a 429 asked for {RetryAfterSeconds} s, so its call failed; other APIs go on")]
    public static partial void PausedAtTheCeiling(ILogger logger, string api, long pauseSeconds, long retryAfterSeconds);
}
