namespace Tributary.Enrichment;

/// <summary>What one provider did for one request. Exactly one per provider per request.</summary>
public enum ProviderStatus
{
    Matched,
    NoMatch,
    Queued,
    Timeout,
    RateLimited,
    Unauthorized,
    InvalidInput,
    ServerError,
    CircuitOpen,
    Skipped,
    BudgetExhausted,
    Cached,
}

public static class ProviderStatusExtensions
{
    /// <summary>The snake_case name used in responses, metrics and logs.</summary>
    public static string ToWire(this ProviderStatus status) => status switch
    {
        ProviderStatus.Matched => "matched",
        ProviderStatus.NoMatch => "no_match",
        ProviderStatus.Queued => "queued",
        ProviderStatus.Timeout => "timeout",
        ProviderStatus.RateLimited => "rate_limited",
        ProviderStatus.Unauthorized => "unauthorized",
        ProviderStatus.InvalidInput => "invalid_input",
        ProviderStatus.ServerError => "server_error",
        ProviderStatus.CircuitOpen => "circuit_open",
        ProviderStatus.Skipped => "skipped",
        ProviderStatus.BudgetExhausted => "budget_exhausted",
        ProviderStatus.Cached => "cached",
        _ => "unknown",
    };

    /// <summary>A definitive answer from the provider: worth caching as the ledger of a paid lookup.</summary>
    public static bool IsDefinitive(this ProviderStatus status) =>
        status is ProviderStatus.Matched or ProviderStatus.NoMatch;

    /// <summary>The provider could not answer this time; the result is partial because of it.</summary>
    public static bool IsFailure(this ProviderStatus status) =>
        status is ProviderStatus.Timeout or ProviderStatus.RateLimited or ProviderStatus.Unauthorized
            or ProviderStatus.ServerError or ProviderStatus.CircuitOpen or ProviderStatus.Queued
            or ProviderStatus.BudgetExhausted;
}
