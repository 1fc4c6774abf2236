using System.ComponentModel.DataAnnotations;

namespace Tributary.Caching;

/// <summary>
/// How long paid lookups are kept, bound from <c>Cache</c>. With <c>Privacy:RetentionDays</c> set, the TTLs are capped
/// at it (<see cref="CacheRetention"/>).
/// </summary>
public sealed class CacheOptions
{
    public const string SectionName = "Cache";

    /// <summary>TTL of a match at or above <see cref="HighConfidence"/>. Default 90 days.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan HighConfidenceTtl { get; set; } = TimeSpan.FromDays(90);

    /// <summary>TTL of a match below <see cref="HighConfidence"/>. Default 30 days.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan LowConfidenceTtl { get; set; } = TimeSpan.FromDays(30);

    /// <summary>TTL of a "no match". Default 7 days.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan NoMatchTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Confidence from which the long TTL applies. Default 0.9.</summary>
    [Range(0.0, 1.0)]
    public double HighConfidence { get; set; } = 0.9;

    /// <summary>How long the in-process layer keeps an entry before asking the ledger again. Default 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan LocalTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Paid answers that may wait to be written to the store; past that, callers wait for the store (back-pressure)
    /// instead of memory growing. Default 4096.
    /// </summary>
    [Range(1, 1_000_000)]
    public int LedgerQueueCapacity { get; set; } = 4096;

    /// <summary>
    /// Most answers the in-process layer holds, so its memory stays flat however many distinct subjects go through:
    /// when it is full, a new answer is not kept there and the least recently used 5 % are dropped. Dropped answers
    /// are still in the ledger and are served from it. Default 100,000.
    /// </summary>
    [Range(1, 100_000_000)]
    public int MaxEntries { get; set; } = 100_000;

    /// <summary>
    /// A Redis connection string (StackExchange.Redis syntax, e.g. <c>redis:6379,password=…</c>). Set, it makes paid
    /// answers, single flight and each provider's rate budget shared by every process configured with it. Default none.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every Redis key, so several deployments (or test runs) can share one Redis. Default "tributary:".</summary>
    public string RedisPrefix { get; set; } = "tributary:";

    /// <summary>
    /// Processes sharing the providers' quotas, for the 1/N each keeps to while Redis is unreachable. Default: the
    /// number last seen alive in Redis (each process announces itself every few seconds).
    /// </summary>
    [Range(1, 10_000)]
    public int? Nodes { get; set; }

    /// <summary>The TTL for an answer.</summary>
    public TimeSpan TtlFor(bool matched, double confidence) =>
        !matched ? NoMatchTtl : confidence >= HighConfidence ? HighConfidenceTtl : LowConfidenceTtl;
}
