using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Tributary.Diagnostics;
using Tributary.Providers;

namespace Tributary.Credits;

/// <summary>
/// Counts what providers cost: every billed call adds the provider's <c>CostPerCall</c> to today's spend, exported as
/// <c>enrichment_cost_total{provider}</c> and persisted. With a <c>DailyBudget</c>, a provider whose spend today has
/// reached it is skipped (<c>budget_exhausted</c>) until the next UTC day. Charges are written to the store in batches
/// once a second rather than one transaction per call, which would otherwise dominate an uncached lookup; a crash
/// loses at most the last second of counts, never an answer.
/// </summary>
public sealed class CreditMeter : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private readonly ICreditStore _store;
    private readonly TimeProvider _time;
    private readonly Counter<double> _cost;
    private readonly ConcurrentDictionary<string, CreditSpend> _spend = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Provider, DateOnly Day), (long Calls, decimal Cost)> _unsaved = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly ITimer _flushTimer;
    private DateOnly _loadedDay;

    public CreditMeter(ICreditStore store, EnrichmentMetrics metrics, TimeProvider time)
    {
        _store = store;
        _time = time;
        _cost = metrics.Meter.CreateCounter<double>("enrichment_cost", description: "Credits spent per provider.");
        _flushTimer = time.CreateTimer(static state => _ = ((CreditMeter)state!).FlushAsync(CancellationToken.None), this, FlushInterval, FlushInterval);
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
    public async ValueTask ChargeAsync(ProviderRuntime provider, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        var cost = provider.Options.CostPerCall;
        _spend.AddOrUpdate(
            provider.Name,
            static (_, cost) => new CreditSpend(1, cost, 1, cost),
            static (_, s, cost) => new CreditSpend(s.CallsToday + 1, s.CostToday + cost, s.CallsTotal + 1, s.CostTotal + cost),
            cost);
        _unsaved.AddOrUpdate((provider.Name, Today), static (_, cost) => (1, cost), static (_, u, cost) => (u.Calls + 1, u.Cost + cost), cost);
        _cost.Add((double)cost, new KeyValuePair<string, object?>("provider", provider.Name));
    }

    /// <summary>Writes the charges not yet in the store.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            foreach (var key in _unsaved.Keys)
            {
                if (_unsaved.TryRemove(key, out var delta))
                {
                    try
                    {
                        await _store.AddAsync(key.Provider, key.Day, delta.Calls, delta.Cost, cancellationToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // Keep the delta for the next flush rather than lose it.
                        _unsaved.AddOrUpdate(key, delta, (_, u) => (u.Calls + delta.Calls, u.Cost + delta.Cost));
                    }
                }
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _flushTimer.DisposeAsync();
        await FlushAsync(CancellationToken.None);
        _loading.Dispose();
        _flushing.Dispose();
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
                await FlushAsync(cancellationToken);
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

    /// <summary>For containers disposed synchronously; writes what is pending before letting go.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
