using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Tributary.Diagnostics;
using Tributary.Providers;

namespace Tributary.Credits;

/// <summary>
/// Counts what providers cost: every billed call adds the provider's <c>CostPerCall</c> to today's spend, persisted
/// and exported as <c>enrichment_cost_total{provider}</c>. With a <c>DailyBudget</c>, a provider whose spend today has
/// reached it is skipped (<c>budget_exhausted</c>) until the next UTC day.
/// </summary>
public sealed class CreditMeter : IDisposable
{
    private readonly ICreditStore _store;
    private readonly TimeProvider _time;
    private readonly Counter<double> _cost;
    private readonly ConcurrentDictionary<string, CreditSpend> _spend = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private DateOnly _loadedDay;

    public CreditMeter(ICreditStore store, EnrichmentMetrics metrics, TimeProvider time)
    {
        _store = store;
        _time = time;
        _cost = metrics.Meter.CreateCounter<double>("enrichment_cost", description: "Credits spent per provider.");
    }

    private DateOnly Today => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    /// <summary>Spend so far, per provider.</summary>
    public async Task<CreditSpend> SpendAsync(string provider, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        return _spend.GetValueOrDefault(provider, CreditSpend.None);
    }

    /// <summary>Whether the provider's daily budget is spent.</summary>
    public async ValueTask<bool> IsOverBudgetAsync(ProviderRuntime provider, CancellationToken cancellationToken)
    {
        if (provider.Options.DailyBudget is not { } budget)
        {
            return false;
        }

        return (await SpendAsync(provider.Name, cancellationToken)).CostToday >= budget;
    }

    /// <summary>Records one billed call.</summary>
    public async Task ChargeAsync(ProviderRuntime provider, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        var cost = provider.Options.CostPerCall;
        _spend.AddOrUpdate(
            provider.Name,
            _ => new CreditSpend(1, cost, 1, cost),
            (_, s) => new CreditSpend(s.CallsToday + 1, s.CostToday + cost, s.CallsTotal + 1, s.CostTotal + cost));
        _cost.Add((double)cost, new KeyValuePair<string, object?>("provider", provider.Name));
        await _store.AddAsync(provider.Name, Today, 1, cost, cancellationToken);
    }

    private async ValueTask EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        if (_loadedDay == today)
        {
            return;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_loadedDay != today)
            {
                // Reloading on a new day resets "today" while keeping the totals.
                var stored = await _store.LoadAsync(today, cancellationToken);
                _spend.Clear();
                foreach (var (provider, spend) in stored)
                {
                    _spend[provider] = spend;
                }

                _loadedDay = today;
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();
}
