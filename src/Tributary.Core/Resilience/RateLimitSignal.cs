namespace Tributary.Resilience;

/// <summary>
/// What a provider's response says about its rate limit, read from its own headers and status by its connector.
/// Every member is optional: providers send different subsets.
/// </summary>
/// <param name="Remaining">Requests left in the current window.</param>
/// <param name="ResetAt">When the window resets.</param>
/// <param name="RetryAfter">How long to stop calling (from a 429's <c>Retry-After</c>, or the time until the reset).</param>
/// <param name="Throttled">
/// The answer means "slow down" (a 429, Hunter's 403). Without <paramref name="RetryAfter"/>, every caller backs off
/// exponentially while the provider keeps answering so.
/// </param>
/// <param name="LimitPerMinute">The per-minute limit the provider says the account has (PDL, Apollo).</param>
public readonly record struct RateLimitSignal(
    long? Remaining,
    DateTimeOffset? ResetAt,
    TimeSpan? RetryAfter,
    bool Throttled = false,
    long? LimitPerMinute = null)
{
    public static RateLimitSignal None => default;

    public bool IsEmpty => Remaining is null && ResetAt is null && RetryAfter is null && !Throttled && LimitPerMinute is null;

    /// <summary>Whether every caller should stop for a while: the provider throttled, or said how long to wait.</summary>
    public bool IsThrottle => Throttled || RetryAfter is not null;
}
