using Microsoft.AspNetCore.Http;

namespace Tributary.Simulators.Infrastructure;

/// <summary>
/// How one provider signals rate limits and failures on the wire. The shared fault middleware
/// decides when; each provider's implementation decides the status, headers and body.
/// </summary>
internal interface IProviderConventions
{
    /// <summary>The per-minute limit advertised when no PerMinuteLimit fault is set (not enforced).</summary>
    int DefaultPerMinuteLimit { get; }

    /// <summary>Adds the provider's rate-limit headers (if it has any) to every answer.</summary>
    void WriteRateLimitHeaders(HttpContext context, RateWindow window);

    /// <summary>Answers a request over an enforced PerMinuteLimit.</summary>
    Task WriteRateLimitedAsync(HttpContext context, RateWindow window);

    /// <summary>Answers the TooManyRequests fault.</summary>
    Task WriteTooManyRequestsAsync(HttpContext context, int retryAfterSeconds);

    /// <summary>Answers the FailStatus fault with the provider's error body.</summary>
    Task WriteFailureAsync(HttpContext context, int statusCode);
}
