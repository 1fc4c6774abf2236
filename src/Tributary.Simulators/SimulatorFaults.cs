using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators;

/// <summary>
/// Faults one simulator injects, settable from code or with <c>POST /__sim/faults</c> (same names,
/// camelCase). Thread-safe: each request acts on one consistent snapshot. Faults apply to every
/// provider path, in this order: latency, hang, connection reset, rate limit, 429, failure status,
/// then the endpoint (which honours <see cref="MalformedJson"/>, <see cref="Queued"/> and
/// <see cref="CreditsExhausted"/>, and HubSpot's and Genesys's own faults). Any change starts a fresh rate-limit window and failure count.
/// </summary>
public sealed class SimulatorFaults
{
    private readonly Lock _gate = new();
    private FaultSettings _settings = FaultSettings.None;
    private long _failSequence;
    private long _jitterSequence;
    private int _generation;

    /// <summary>Milliseconds added before every answer. Default 0.</summary>
    public int LatencyMs
    {
        get => Current.LatencyMs;
        set => Update(s => s with { LatencyMs = value });
    }

    /// <summary>Up to this many extra milliseconds, varying per request in a repeatable sequence. Default 0.</summary>
    public int JitterMs
    {
        get => Current.JitterMs;
        set => Update(s => s with { JitterMs = value });
    }

    /// <summary>Never answer: hold the request until the client gives up or the simulator stops, then drop the connection.</summary>
    public bool Hang
    {
        get => Current.Hang;
        set => Update(s => s with { Hang = value });
    }

    /// <summary>
    /// Answer with this status (400–599) and the provider's error body: every request, every
    /// <see cref="FailEveryNth"/>th request, or the <see cref="FailRatio"/> share of requests. Null = off.
    /// </summary>
    public int? FailStatus
    {
        get => Current.FailStatus;
        set => Update(s => s with { FailStatus = value });
    }

    /// <summary>With <see cref="FailStatus"/>: fail requests n, 2n, 3n… counted from this change. 0 = not used.</summary>
    public int FailEveryNth
    {
        get => Current.FailEveryNth;
        set => Update(s => s with { FailEveryNth = value });
    }

    /// <summary>With <see cref="FailStatus"/>: fail exactly this share (0–1) of requests, evenly spread, no randomness. 0 = not used.</summary>
    public double FailRatio
    {
        get => Current.FailRatio;
        set => Update(s => s with { FailRatio = value });
    }

    /// <summary>Answer 429 with Retry-After: <see cref="RetryAfterSeconds"/> and the provider's own 429 body.</summary>
    public bool TooManyRequests
    {
        get => Current.TooManyRequests;
        set => Update(s => s with { TooManyRequests = value });
    }

    /// <summary>Retry-After sent with <see cref="TooManyRequests"/>. Default 1.</summary>
    public int RetryAfterSeconds
    {
        get => Current.RetryAfterSeconds;
        set => Update(s => s with { RetryAfterSeconds = value });
    }

    /// <summary>
    /// Enforce this many requests per fixed one-minute window, answering beyond it as the provider
    /// does (429; Hunter 403). Null = the provider's usual limit is advertised in headers but not enforced.
    /// </summary>
    public int? PerMinuteLimit
    {
        get => Current.PerMinuteLimit;
        set => Update(s => s with { PerMinuteLimit = value });
    }

    /// <summary>Answer 200 with the body cut in half.</summary>
    public bool MalformedJson
    {
        get => Current.MalformedJson;
        set => Update(s => s with { MalformedJson = value });
    }

    /// <summary>
    /// Send every answer gzip-compressed (<c>Content-Encoding: gzip</c>), whatever the request's <c>Accept-Encoding</c>,
    /// as a server or CDN in front of the API may.
    /// </summary>
    public bool Gzip
    {
        get => Current.Gzip;
        set => Update(s => s with { Gzip = value });
    }

    /// <summary>Abort the connection without answering.</summary>
    public bool ConnectionReset
    {
        get => Current.ConnectionReset;
        set => Update(s => s with { ConnectionReset = value });
    }

    /// <summary>Clearbit only: answer 202 queued unless the request says cached=true.</summary>
    public bool Queued
    {
        get => Current.Queued;
        set => Update(s => s with { Queued = value });
    }

    /// <summary>
    /// Hunter (429), People Data Labs (402), Clearbit (402 <c>over_quota</c>) and ZoomInfo (403 "You have used up all of
    /// your allowed record limit") only: behave as if the account's credits were spent.
    /// </summary>
    public bool CreditsExhausted
    {
        get => Current.CreditsExhausted;
        set => Update(s => s with { CreditsExhausted = value });
    }

    /// <summary>
    /// HubSpot only: enforce this many requests in any rolling 10 s (also advertised as <c>X-HubSpot-RateLimit-Max</c>),
    /// answering beyond it with 429 <c>TEN_SECONDLY_ROLLING</c>. Null = 190 advertised, not enforced.
    /// </summary>
    public int? TenSecondlyLimit
    {
        get => Current.TenSecondlyLimit;
        set => Update(s => s with { TenSecondlyLimit = value });
    }

    /// <summary>HubSpot only: the day's calls are spent; every call answers 429 with <c>policyName</c> <c>DAILY</c>.</summary>
    public bool DailyLimitReached
    {
        get => Current.DailyLimitReached;
        set => Update(s => s with { DailyLimitReached = value });
    }

    /// <summary>HubSpot only: a batch update answers 207 with these contact ids failed (category <c>CONFLICT</c>, retryable); the rest are written.</summary>
    public IReadOnlyList<string>? FailIds
    {
        get => Current.FailIds;
        set => Update(s => s with { FailIds = value is null ? null : [.. value] });
    }

    /// <summary>
    /// HubSpot only: a batch read answers 207 with these contact ids in an <c>INTERNAL_ERROR</c> error (a temporary
    /// failure, not <c>OBJECT_NOT_FOUND</c>); the rest are read.
    /// </summary>
    public IReadOnlyList<string>? ReadErrorIds
    {
        get => Current.ReadErrorIds;
        set => Update(s => s with { ReadErrorIds = value is null ? null : [.. value] });
    }

    /// <summary>HubSpot only: a batch read leaves these contact ids out of its answer: in neither <c>results</c> nor <c>errors</c>.</summary>
    public IReadOnlyList<string>? ReadOmitIds
    {
        get => Current.ReadOmitIds;
        set => Update(s => s with { ReadOmitIds = value is null ? null : [.. value] });
    }

    /// <summary>
    /// HubSpot only: a batch update neither writes these contact ids nor names them in <c>results</c> or <c>errors</c>
    /// (a <c>200</c> when nothing else failed); the rest are written.
    /// </summary>
    public IReadOnlyList<string>? UpdateOmitIds
    {
        get => Current.UpdateOmitIds;
        set => Update(s => s with { UpdateOmitIds = value is null ? null : [.. value] });
    }

    /// <summary>Genesys only: every participant-attributes call answers 404, as for a conversation that has ended and gone.</summary>
    public bool ConversationNotFound
    {
        get => Current.ConversationNotFound;
        set => Update(s => s with { ConversationNotFound = value });
    }

    /// <summary>
    /// Genesys only: the tokens issued before this change are expired, so the next API call with one answers 401; a
    /// token requested afterwards works. (Any later change of faults while it is on expires the tokens again.)
    /// </summary>
    public bool TokenExpired
    {
        get => Current.TokenExpired;
        set => Update(s => s with { TokenExpired = value });
    }

    /// <summary>
    /// The credentials were revoked. HubSpot: every call answers 401 <c>INVALID_AUTHENTICATION</c>. Genesys: token
    /// requests answer 401 <c>invalid_client</c> and every token is refused.
    /// </summary>
    public bool TokenRevoked
    {
        get => Current.TokenRevoked;
        set => Update(s => s with { TokenRevoked = value });
    }

    /// <summary>
    /// Apollo only: <c>bulk_match</c> answers its <c>matches</c> in a fixed order other than the request's
    /// <c>details</c> (Apollo documents them in request order).
    /// </summary>
    public bool BulkShuffled
    {
        get => Current.BulkShuffled;
        set => Update(s => s with { BulkShuffled = value });
    }

    /// <summary>
    /// Apollo only: <c>bulk_match</c> leaves the null entries of people nobody matched out of <c>matches</c>, so the
    /// array is shorter than the request's <c>details</c>.
    /// </summary>
    public bool BulkMissesOmitted
    {
        get => Current.BulkMissesOmitted;
        set => Update(s => s with { BulkMissesOmitted = value });
    }

    internal FaultSettings Current => Volatile.Read(ref _settings);

    internal int Generation => Volatile.Read(ref _generation);

    /// <summary>Turns every fault off.</summary>
    public void Reset() => Apply(FaultSettings.None);

    /// <summary>Replaces the whole fault set (what <c>POST /__sim/faults</c> does).</summary>
    internal void Apply(FaultSettings settings) => Update(_ => settings);

    internal bool ShouldFail(FaultSettings settings)
    {
        if (settings.FailStatus is null)
        {
            return false;
        }

        var n = Interlocked.Increment(ref _failSequence);
        if (settings.FailEveryNth > 0)
        {
            return n % settings.FailEveryNth == 0;
        }

        if (settings.FailRatio > 0)
        {
            // Fails exactly when the running total of ratio × requests crosses an integer.
            return Math.Floor(n * settings.FailRatio) > Math.Floor((n - 1) * settings.FailRatio);
        }

        return true;
    }

    internal int NextDelayMs(FaultSettings settings)
    {
        if (settings.JitterMs == 0)
        {
            return settings.LatencyMs;
        }

        var n = Interlocked.Increment(ref _jitterSequence);
        return settings.LatencyMs + (int)(Dataset.StableHash.Mix((ulong)n) % (ulong)(settings.JitterMs + 1));
    }

    private void Update(Func<FaultSettings, FaultSettings> change)
    {
        lock (_gate)
        {
            var next = change(_settings).Validate();
            Volatile.Write(ref _settings, next);
            Interlocked.Exchange(ref _failSequence, 0);
            Interlocked.Exchange(ref _jitterSequence, 0);
            Interlocked.Increment(ref _generation);
        }
    }
}
