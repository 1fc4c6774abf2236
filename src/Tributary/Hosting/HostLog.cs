namespace Tributary.Host.Hosting;

/// <summary>Log lines of the host.</summary>
internal static partial class HostLog
{
    [LoggerMessage(1, LogLevel.Warning, "Sandbox mode: built-in simulators answer from the sample dataset ({Simulators}). Configure Providers:<Name>:ApiKey (or ZoomInfo credentials), a REST provider or a CRM, Genesys or Segment credential to use real systems.")]
    public static partial void SandboxMode(ILogger logger, string simulators);

    [LoggerMessage(2, LogLevel.Information, "Tributary gateway listening on {Urls}; store {Store}")]
    public static partial void Listening(ILogger logger, string urls, string store);

    [LoggerMessage(4, LogLevel.Warning, "Sandbox mode while {Exposure}: callers could take simulator answers for real ones. Configure a provider's credentials, or set Sandbox:Enabled=false")]
    public static partial void SandboxExposed(ILogger logger, string exposure);

    [LoggerMessage(5, LogLevel.Warning, "Ignored settings no provider reads (a misspelt name?): {Settings}")]
    public static partial void UnreadSettings(ILogger logger, string settings);

    [LoggerMessage(3, LogLevel.Warning, "Sandbox warm-up lookup failed: {ExceptionType}")]
    public static partial void WarmupFailed(ILogger logger, string exceptionType);
}
