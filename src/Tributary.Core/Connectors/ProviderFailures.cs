using System.Net;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Tributary.Enrichment;
using Tributary.Resilience;

namespace Tributary.Connectors;

/// <summary>The failure statuses every connector shares; provider-specific codes are mapped in each provider's folder first.</summary>
internal static class ProviderFailures
{
    /// <summary>What an exception from the HTTP pipeline means for the caller.</summary>
    public static ProviderResult FromException(Exception exception) => exception switch
    {
        BrokenCircuitException => ProviderResult.Failed(ProviderStatus.CircuitOpen, "circuit open"),
        TimeoutRejectedException => ProviderResult.Failed(ProviderStatus.Timeout, "provider timeout"),
        ProviderRateLimitedException => ProviderResult.Failed(ProviderStatus.RateLimited, "rate limit budget exhausted"),
        JsonException => ProviderResult.Failed(ProviderStatus.ServerError, "malformed response"),
        HttpRequestException => ProviderResult.Failed(ProviderStatus.ServerError, "connection failed"),
        OperationCanceledException => ProviderResult.Failed(ProviderStatus.Timeout, "cancelled"),
        _ => ProviderResult.Failed(ProviderStatus.ServerError, exception.GetType().Name),
    };

    /// <summary>Whether <paramref name="exception"/> is one the connectors translate rather than let escape.</summary>
    public static bool IsExpected(Exception exception) =>
        exception is BrokenCircuitException or TimeoutRejectedException or ProviderRateLimitedException
            or JsonException or HttpRequestException or OperationCanceledException;

    /// <summary>The usual meaning of an unsuccessful HTTP status.</summary>
    public static ProviderResult FromStatus(HttpStatusCode status) => (int)status switch
    {
        400 or 422 => ProviderResult.Failed(ProviderStatus.InvalidInput, $"HTTP {(int)status}"),
        401 or 403 => ProviderResult.Failed(ProviderStatus.Unauthorized, $"HTTP {(int)status}"),
        402 => ProviderResult.Failed(ProviderStatus.BudgetExhausted, "HTTP 402"),
        404 => ProviderResult.NoMatch(billed: false),
        429 => ProviderResult.Failed(ProviderStatus.RateLimited, "HTTP 429"),
        _ => ProviderResult.Failed(ProviderStatus.ServerError, $"HTTP {(int)status}"),
    };
}
