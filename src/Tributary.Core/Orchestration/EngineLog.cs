using Microsoft.Extensions.Logging;

namespace Tributary.Orchestration;

/// <summary>Log lines of the engine. Subjects appear only as keyed hashes.</summary>
internal static partial class EngineLog
{
    [LoggerMessage(1000, LogLevel.Information, "Enriched subject {SubjectHash} ({Kind}) in {ElapsedMs} ms: {Providers}")]
    public static partial void Enriched(ILogger logger, string subjectHash, string kind, long elapsedMs, string providers);

    [LoggerMessage(1001, LogLevel.Warning, "Provider {Provider} failed unexpectedly for subject {SubjectHash}: {ExceptionType}")]
    public static partial void ProviderCrashed(ILogger logger, string provider, string subjectHash, string exceptionType);

    [LoggerMessage(1002, LogLevel.Debug, "Provider {Provider} answered {Status} for subject {SubjectHash} in {ElapsedMs} ms")]
    public static partial void ProviderAnswered(ILogger logger, string provider, string status, string subjectHash, long elapsedMs);

    [LoggerMessage(1003, LogLevel.Information, "Subject {SubjectHash} opted out at {Provider}: suppressed from all future enrichment")]
    public static partial void Suppressed(ILogger logger, string subjectHash, string provider);
}
