using Tributary.Credits;
using Tributary.Providers;

namespace Tributary.Host.Providers;

/// <summary>
/// One word per provider for an operator, from what the engine tracks in this process: whether a lookup asked now
/// would reach the provider.
/// </summary>
internal static class ProviderHealth
{
    /// <summary>Not enabled (no credentials, or <c>Providers:&lt;Name&gt;:Enabled=false</c>): never asked.</summary>
    public const string Disabled = "disabled";

    /// <summary>Skipped by every lookup for now: circuit open (or isolated), paused by a 429's <c>Retry-After</c>, credits spent at the provider, or the daily budget spent.</summary>
    public const string Down = "down";

    /// <summary>Asked, and its last answer refused the account (a wrong or revoked key): nothing comes back until it is fixed.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>Asked, but not fully: the circuit is half-open (trying again after failures) or this minute's rate budget is spent.</summary>
    public const string Degraded = "degraded";

    /// <summary>Asked normally.</summary>
    public const string Ok = "ok";

    /// <param name="entry">The provider.</param>
    /// <param name="tokens">Rate-limit tokens left now.</param>
    /// <param name="spend">Its credits spent.</param>
    /// <param name="now">The process's clock.</param>
    public static string Of(ProviderEntry entry, long tokens, CreditSpend spend, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(spend);
        var runtime = entry.Runtime;
        if (!runtime.IsEnabled)
        {
            return Disabled;
        }

        if (runtime.CircuitState is "open" or "isolated" || runtime.Gate.PausedUntil is not null || runtime.IsExhaustedAt(now) || BudgetSpent(runtime.Options, spend))
        {
            return Down;
        }

        if (runtime.IsRefusing)
        {
            return Unauthorized;
        }

        return runtime.CircuitState == "half_open" || tokens <= 0 ? Degraded : Ok;
    }

    // As CreditMeter reserves: no call is granted once what is left of the budget is less than one call's cost.
    private static bool BudgetSpent(ProviderOptions options, CreditSpend spend) =>
        options.DailyBudget is { } budget && options.CostPerCall > 0 && budget - spend.CostToday < options.CostPerCall;
}
