namespace Tributary.Host.Batch;

/// <summary>How a file run ended, for the summary.</summary>
internal sealed record FileRunReport(string RunId, RunCounters Counters, decimal CreditsSpent, TimeSpan Elapsed, string Output, string Rejects);
