using System.ComponentModel.DataAnnotations;

namespace Tributary.Host.Jobs;

/// <summary>Bulk jobs, bound from <c>Jobs</c>.</summary>
internal sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Most records one job may carry. Default 10,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxRecords { get; set; } = 10_000;

    /// <summary>Largest <c>POST /v1/jobs</c> body, in bytes (the rest of the gateway keeps <c>Gateway:MaxBodyBytes</c>). Default 16 MB.</summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Records of a job enriched at once. Default 8.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 8;

    /// <summary>
    /// Key of the callback signature (HMAC-SHA256). When absent, one is generated and kept in the store's settings,
    /// so it survives restarts and is shared by every server on the same store.
    /// </summary>
    public string? CallbackSecret { get; set; }

    /// <summary>
    /// Let callbacks reach loopback, private (RFC 1918, CGNAT, IPv6 unique local), link-local and other non-public
    /// addresses. Unset: allowed while the gateway listens on loopback only (its callers are on this machine and can
    /// reach those addresses themselves); otherwise a caller may not make the server call into its own network.
    /// </summary>
    public bool? AllowPrivateCallbacks { get; set; }

    /// <summary>Delivery attempts of a callback, the first included. Default 5.</summary>
    [Range(1, 20)]
    public int CallbackMaxAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry; each next one doubles, with jitter. Default 2,000 ms.</summary>
    [Range(1, 600_000)]
    public int CallbackRetryDelayMs { get; set; } = 2_000;

    /// <summary>Time one delivery attempt may take. Default 10,000 ms.</summary>
    [Range(100, 600_000)]
    public int CallbackTimeoutMs { get; set; } = 10_000;

    /// <summary>How long a server's claim on a job lasts without progress being saved; another may take it over after. Default 60 s.</summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>How often the store is checked for jobs another server queued. Default 5 s.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;
}
