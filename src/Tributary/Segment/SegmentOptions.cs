using Tributary.Providers;

namespace Tributary.Host.Segment;

/// <summary>
/// Segment (or RudderStack, same spec), bound from <c>Segment</c> and validated at start
/// (<see cref="SegmentOptionsValidator"/>). Tracking is on when <see cref="WriteKey"/> is set; the Profile API when
/// <see cref="SpaceId"/> and <see cref="AccessToken"/> are.
/// </summary>
internal sealed class SegmentOptions
{
    public const string SectionName = "Segment";

    /// <summary>The source's write key, sent as <c>Authorization: Basic base64(WriteKey + ":")</c>. Without it tracking is off.</summary>
    public string? WriteKey { get; set; }

    /// <summary>
    /// Tracking API root. Default <c>https://api.segment.io</c>; EU workspaces need <c>https://events.eu1.segmentapis.com</c>
    /// (the US host accepts their events and drops them); a RudderStack data plane URL works too.
    /// </summary>
    public string BaseUrl { get; set; } = "https://api.segment.io";

    /// <summary>Profile API root. Default <c>https://profiles.segment.com</c> (EU: <c>https://profiles.euw1.segment.com</c>).</summary>
    public string ProfilesUrl { get; set; } = "https://profiles.segment.com";

    /// <summary>The Unify space whose profiles are read. Required with <see cref="AccessToken"/>.</summary>
    public string? SpaceId { get; set; }

    /// <summary>Profile API access token, sent as the Basic user name with an empty password. Required with <see cref="SpaceId"/>.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Attempts of one tracking request on 5xx, 429 and network errors, the first included. Default 4.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Delay before the first tracking retry; each next one doubles, with jitter. Default 1,000 ms.</summary>
    public int RetryBaseDelayMs { get; set; } = 1_000;

    /// <summary>
    /// The longest <c>Retry-After</c> a tracking request waits for in place; a longer one ends the call as failed (with
    /// the delay in the result) so the caller can schedule it. Default 60 s.
    /// </summary>
    public int MaxRetryAfterSeconds { get; set; } = 60;

    /// <summary>Time one tracking attempt on the wire may take. Default 10,000 ms.</summary>
    public int TimeoutMs { get; set; } = 10_000;

    /// <summary>
    /// Attempts of one Profile API read, the first included. Default 2: an agent is waiting, and a stale copy beats a
    /// long wait. A <c>Retry-After</c> longer than <see cref="ProfileTimeoutMs"/> is not waited for.
    /// </summary>
    public int ProfileMaxAttempts { get; set; } = 2;

    /// <summary>Delay before the first Profile API retry; each next one doubles, with jitter. Default 200 ms.</summary>
    public int ProfileRetryBaseDelayMs { get; set; } = 200;

    /// <summary>Time one Profile API attempt may take. Default 3,000 ms.</summary>
    public int ProfileTimeoutMs { get; set; } = 3_000;

    /// <summary>
    /// When the Profile API's circuit opens (5xx, 429, timeouts and network errors count). Defaults: at least 5 calls
    /// in 10 s, half of them failed, open for 30 s.
    /// </summary>
    public CircuitBreakerOptions ProfileCircuitBreaker { get; set; } = new();

    /// <summary>Whether tracking is configured.</summary>
    public bool HasWriteKey => !string.IsNullOrWhiteSpace(WriteKey);

    /// <summary>Whether the Profile API is configured.</summary>
    public bool HasProfiles => !string.IsNullOrWhiteSpace(SpaceId) && !string.IsNullOrWhiteSpace(AccessToken);
}
