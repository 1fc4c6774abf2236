using Microsoft.AspNetCore.Http;

namespace Tributary.Simulators.Infrastructure;

/// <summary>
/// One immutable set of faults: what <see cref="SimulatorFaults"/> holds and what
/// <c>POST /__sim/faults</c> reads (camelCase; omitted properties are off). The fault middleware
/// takes one snapshot per request and stores it in the request features so endpoints see the
/// same settings the middleware acted on. Positional so the source-generated reader keeps the
/// parameter defaults for omitted properties (it would zero init-only ones).
/// </summary>
internal sealed record FaultSettings(
    int LatencyMs = 0,
    int JitterMs = 0,
    bool Hang = false,
    int? FailStatus = null,
    int FailEveryNth = 0,
    double FailRatio = 0,
    bool TooManyRequests = false,
    int RetryAfterSeconds = 1,
    int? PerMinuteLimit = null,
    bool MalformedJson = false,
    bool ConnectionReset = false,
    bool Queued = false,
    bool CreditsExhausted = false,
    int? TenSecondlyLimit = null,
    bool DailyLimitReached = false,
    string[]? FailIds = null,
    string[]? ReadErrorIds = null,
    string[]? ReadOmitIds = null,
    string[]? UpdateOmitIds = null,
    bool ConversationNotFound = false,
    bool TokenExpired = false,
    bool TokenRevoked = false,
    bool BulkShuffled = false,
    bool BulkMissesOmitted = false,
    bool Gzip = false)
{
    public static readonly FaultSettings None = new();

    /// <summary>The settings the fault middleware captured for this request, or <see cref="None"/>.</summary>
    public static FaultSettings For(HttpContext context) => context.Features.Get<FaultSettings>() ?? None;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad property.</summary>
    public FaultSettings Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(LatencyMs, nameof(LatencyMs));
        ArgumentOutOfRangeException.ThrowIfNegative(JitterMs, nameof(JitterMs));
        ArgumentOutOfRangeException.ThrowIfNegative(FailEveryNth, nameof(FailEveryNth));
        ArgumentOutOfRangeException.ThrowIfNegative(RetryAfterSeconds, nameof(RetryAfterSeconds));
        if (FailStatus is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(FailStatus), FailStatus, "FailStatus must be an HTTP error status (400-599).");
        }

        if (FailRatio is < 0 or > 1 || double.IsNaN(FailRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(FailRatio), FailRatio, "FailRatio must be between 0 and 1.");
        }

        if (PerMinuteLimit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PerMinuteLimit), PerMinuteLimit, "PerMinuteLimit cannot be negative.");
        }

        if (TenSecondlyLimit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TenSecondlyLimit), TenSecondlyLimit, "TenSecondlyLimit cannot be negative.");
        }

        return this;
    }
}
