using Tributary.Credits;
using Tributary.Providers;

namespace Tributary.Host.Providers;

/// <summary>
/// One provider's live state in a process: settings that matter to an operator, health (disabled, down, degraded or
/// ok), circuit, rate-limit tokens, pauses and credits spent. What <c>GET /v1/providers</c> answers and <c>tributary
/// providers</c> prints.
/// </summary>
internal sealed record ProviderReport(
    string Name,
    bool Enabled,
    string Health,
    int Priority,
    string Circuit,
    long TokensAvailable,
    int PerMinute,
    DateTimeOffset? PausedUntil,
    DateTimeOffset? ExhaustedUntil,
    decimal CostPerCall,
    decimal? DailyBudget,
    long CallsToday,
    decimal CostToday,
    long CallsTotal,
    decimal CostTotal)
{
    /// <summary>Every registered provider, in the catalog's priority order.</summary>
    public static async Task<IReadOnlyList<ProviderReport>> ListAsync(ProviderCatalog catalog, CreditMeter credits, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var reports = new List<ProviderReport>(catalog.All.Count);
        var spend = await credits.SpendShownAsync(cancellationToken);
        foreach (var entry in catalog.All)
        {
            reports.Add(Of(entry, await entry.Runtime.Gate.AvailableAsync(cancellationToken), spend.GetValueOrDefault(entry.Name, CreditSpend.None), time.GetUtcNow()));
        }

        return reports;
    }

    // tokens: what the provider's window leaves now, for every process together when the budget is shared (Redis).
    private static ProviderReport Of(ProviderEntry entry, long tokens, CreditSpend spend, DateTimeOffset now) => new(
        entry.Name,
        entry.Runtime.IsEnabled,
        ProviderHealth.Of(entry, tokens, spend, now),
        entry.Runtime.Options.Priority,
        entry.Runtime.CircuitState,
        tokens,
        entry.Runtime.Gate.PerMinute,
        entry.Runtime.Gate.PausedUntil,
        entry.Runtime.ExhaustedUntil,
        entry.Runtime.Options.CostPerCall,
        entry.Runtime.Options.DailyBudget,
        spend.CallsToday,
        spend.CostToday,
        spend.CallsTotal,
        spend.CostTotal);
}
