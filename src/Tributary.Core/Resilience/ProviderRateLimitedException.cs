namespace Tributary.Resilience;

/// <summary>
/// Thrown when a real-time call cannot get a rate-limit token before its deadline, or the provider is paused
/// past it. The connector reports it as <c>rate_limited</c>; no request reaches the provider.
/// </summary>
public sealed class ProviderRateLimitedException : Exception
{
    public ProviderRateLimitedException(string provider)
        : base($"Rate limit budget of provider '{provider}' is exhausted for this request.")
    {
        Provider = provider;
    }

    public ProviderRateLimitedException()
        : this("unknown")
    {
    }

    public ProviderRateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Provider = "unknown";
    }

    public string Provider { get; }
}
