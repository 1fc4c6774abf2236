using System.ComponentModel.DataAnnotations;

namespace Tributary.Providers;

/// <summary>
/// Settings every provider shares, bound from <c>Providers:&lt;Name&gt;</c>. Connector options derive from it.
/// </summary>
public class ProviderOptions
{
    /// <summary>Whether the provider is asked at all. Default true when it has credentials.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Root URL of the API; every connector's URL is configurable so it can point at a simulator.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Time one attempt may take. Default 500 ms.</summary>
    [Range(10, 120_000)]
    public int TimeoutMs { get; set; } = 500;

    /// <summary>
    /// Time one attempt of a batch call may take (bulk endpoints answer for up to 100 subjects at once). Default 30 s.
    /// </summary>
    [Range(10, 600_000)]
    public int BatchTimeoutMs { get; set; } = 30_000;

    /// <summary>Precedence: lower asks first in a waterfall and wins ties in a merge. Default 100.</summary>
    public int Priority { get; set; } = 100;

    /// <summary>The account's request limits and how long throttling holds every caller back.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>What one billed call costs, in the account's credit unit. Default 1.</summary>
    [Range(0, 1_000_000)]
    public decimal CostPerCall { get; set; } = 1;

    /// <summary>Credits this provider may spend per UTC day; once reached it is skipped as <c>budget_exhausted</c>. Default: no limit.</summary>
    [Range(0, 1_000_000_000)]
    public decimal? DailyBudget { get; set; }

    /// <summary>Retry attempts after the first, only while the request's budget allows. Default 2.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay before exponential growth and jitter. Default 100 ms.</summary>
    [Range(1, 60_000)]
    public int RetryBaseDelayMs { get; set; } = 100;

    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>
    /// The API version recorded for runs when the provider's answers carry no <c>API-Version</c> header (e.g. the
    /// ZoomInfo API generation an account uses). Default none.
    /// </summary>
    public string? ApiVersion { get; set; }

    /// <summary>True when the connector has what it needs to authenticate.</summary>
    public virtual bool HasCredentials => false;

    /// <summary>Enabled when explicitly set, otherwise when credentials are present.</summary>
    public bool IsEnabled => Enabled ?? HasCredentials;
}

/// <summary>The provider account's request budget, bound from <c>Providers:&lt;Name&gt;:RateLimit</c>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>
    /// Requests in any 60 seconds, so a provider's fixed one-minute window is never overrun wherever it starts.
    /// Default: the provider's documented limit (Clearbit 600, ZoomInfo 1,500, Apollo 1,000, Hunter 500, People Data
    /// Labs 1,000; 600 for a configurable REST provider), replaced by the limit the provider reports in its headers
    /// (People Data Labs <c>x-ratelimit-limit</c>, Apollo <c>x-rate-limit-minute</c>). When set, a reported limit can
    /// lower it but never raise it.
    /// </summary>
    [Range(1, 1_000_000)]
    public int? PerMinute { get; set; }

    /// <summary>
    /// Requests in any one second. Default: the provider's documented per-second limit (ZoomInfo 25, Hunter 15) while
    /// <see cref="PerMinute"/> is left at its default too; none otherwise.
    /// </summary>
    [Range(1, 100_000)]
    public int? PerSecond { get; set; }

    /// <summary>
    /// The longest every caller is held back after a provider keeps throttling without saying for how long (Hunter's
    /// 403, a 429 without Retry-After): the pause doubles from 1 s on each throttled probe, with jitter, up to this,
    /// and a success resets it. Default 300,000 (5 minutes).
    /// </summary>
    [Range(1_000, 86_400_000)]
    public int MaxBackoffMs { get; set; } = 300_000;

    /// <summary>
    /// With a shared budget (<c>Cache:Redis</c>): the part of the minute kept for real-time calls while any were made in
    /// the last minute, so a backfill waits and the IVR does not. A backfill alone uses the whole quota. Default 0.3.
    /// </summary>
    [Range(0.0, 0.9)]
    public double RealtimeShare { get; set; } = 0.3;
}

/// <summary>
/// When a provider's circuit opens. Polly samples failures over a window: with the defaults the circuit opens
/// once at least 5 calls in 10 s were made and at least half of them failed (a call counts once, its retries included),
/// and stays open 30 s.
/// </summary>
public sealed class CircuitBreakerOptions
{
    [Range(1, 10_000)]
    public int MinimumThroughput { get; set; } = 5;

    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    [Range(500, 3_600_000)]
    public int SamplingDurationMs { get; set; } = 10_000;

    [Range(500, 3_600_000)]
    public int BreakDurationMs { get; set; } = 30_000;
}
