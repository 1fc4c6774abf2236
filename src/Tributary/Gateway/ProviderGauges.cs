using System.Diagnostics.Metrics;
using Tributary.Diagnostics;
using Tributary.Providers;

namespace Tributary.Host.Gateway;

/// <summary>
/// Per-provider state as gauges: circuit state (0 closed, 1 half-open, 2 open), rate-limit tokens left, and the daily
/// budget where one is configured (for alerts on <c>enrichment_cost</c> against it).
/// </summary>
internal sealed class ProviderGauges
{
    public ProviderGauges(EnrichmentMetrics metrics, ProviderCatalog catalog)
    {
        metrics.Meter.CreateObservableGauge("enrichment_circuit_state", () => catalog.All.Select(e =>
            new Measurement<int>(e.Runtime.CircuitState switch { "open" or "isolated" => 2, "half_open" => 1, _ => 0 }, new KeyValuePair<string, object?>("provider", e.Name))),
            description: "Circuit breaker state per provider: 0 closed, 1 half-open, 2 open.");
        metrics.Meter.CreateObservableGauge("enrichment_rate_limit_available", () => catalog.All.Select(e =>
            new Measurement<long>(e.Runtime.Gate.PausedUntil is null ? e.Runtime.Gate.Available : 0, new KeyValuePair<string, object?>("provider", e.Name))),
            description: "Rate-limit tokens available now per provider (0 while paused).");
        metrics.Meter.CreateObservableGauge("enrichment_daily_budget", () => catalog.All.Where(e => e.Runtime.Options.DailyBudget is not null).Select(e =>
            new Measurement<double>((double)e.Runtime.Options.DailyBudget!.Value, new KeyValuePair<string, object?>("provider", e.Name))),
            description: "Credits a provider may spend per UTC day (Providers:<Name>:DailyBudget), where configured.");
    }
}
