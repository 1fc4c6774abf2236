namespace Tributary.Resilience;

/// <summary>
/// What a provider's response says about its rate limit, read from its own headers by its connector.
/// Every member is optional: providers send different subsets.
/// </summary>
/// <param name="Remaining">Requests left in the current window.</param>
/// <param name="ResetAt">When the window resets.</param>
/// <param name="RetryAfter">How long to stop calling (from a 429's <c>Retry-After</c>).</param>
public readonly record struct RateLimitSignal(long? Remaining, DateTimeOffset? ResetAt, TimeSpan? RetryAfter)
{
    public static RateLimitSignal None => default;

    public bool IsEmpty => Remaining is null && ResetAt is null && RetryAfter is null;
}
