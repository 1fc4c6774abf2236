using Microsoft.AspNetCore.Http;

namespace Tributary.Simulators.Infrastructure;

/// <summary>
/// One immutable set of faults: what <see cref="SimulatorFaults"/> holds and what
/// <c>POST /__sim/faults</c> reads (camelCase; omitted properties are off). The fault middleware
/// takes one snapshot per request and stores it in the request features so endpoints see the
/// same settings the middleware acted on.
/// </summary>
internal sealed record FaultSettings
{
    public static readonly FaultSettings None = new();

    public int LatencyMs { get; init; }

    public int JitterMs { get; init; }

    public bool Hang { get; init; }

    public int? FailStatus { get; init; }

    public int FailEveryNth { get; init; }

    public double FailRatio { get; init; }

    public bool TooManyRequests { get; init; }

    public int RetryAfterSeconds { get; init; } = 1;

    public int? PerMinuteLimit { get; init; }

    public bool MalformedJson { get; init; }

    public bool ConnectionReset { get; init; }

    public bool Queued { get; init; }

    public bool CreditsExhausted { get; init; }

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

        return this;
    }
}
