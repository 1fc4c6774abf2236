using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Tributary.Diagnostics;
using Tributary.Providers;

namespace Tributary.Credits;

/// <summary>
/// Counts what providers cost: every billed call adds the provider's <c>CostPerCall</c> to today's spend, exported as
/// <c>enrichment_cost_total{provider}</c> and persisted. With a <c>DailyBudget</c>, a provider whose spend today has
/// reached it is skipped (<c>budget_exhausted</c>) until the next UTC day; calls reserve their cost before they are made,
/// so concurrent calls cannot pass the budget together. Charges are written to the store in batches
/// once a second rather than one transaction per call, which would otherwise dominate an uncached lookup; a crash
/// loses at most the last second of counts, never an answer. With <see cref="ISharedCredits"/>, a budget counts what
/// every process spent today.
/// </summary>
public sealed class CreditMeter : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private readonly ICreditStore _store;
    private readonly TimeProvider _time;
    private readonly Counter<double> _cost;
    private readonly ConcurrentDictionary<string, CreditSpend> _spend = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Provider, DateOnly Day), (long Calls, decimal Cost)> _unsaved = new();
    private readonly Dictionary<string, decimal> _reserved = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly ITimer _flushTimer;
    private readonly ISharedCredits? _shared;
    private readonly ConcurrentDictionary<(string Provider, DateOnly Day), decimal> _unshared = new();
    private readonly SemaphoreSlim _floorRefresh = new(1, 1);
    private volatile StoreFloor? _storeFloor;
    private DateOnly _loadedDay;

    public CreditMeter(ICreditStore store, EnrichmentMetrics metrics, TimeProvider time, ISharedCredits? shared = null)
    {
        _store = store;
        _shared = shared;
        _time = time;
        _cost = metrics.Meter.CreateCounter<double>("enrichment_cost", description: "Credits spent per provider.");
        _flushTimer = time.CreateTimer(static state => _ = ((CreditMeter)state!).FlushAsync(CancellationToken.None), this, FlushInterval, FlushInterval);
    }

    private DateOnly Today => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    /// <summary>What this process has spent so far, per provider: the store's count when it loaded, plus its own calls.</summary>
    public async Task<CreditSpend> SpendAsync(string provider, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        return _spend.GetValueOrDefault(provider, CreditSpend.None);
    }

    /// <summary>
    /// Spend per provider as shown to people (providers, dashboard, health): read back from the store, which on a store
    /// several processes share holds what every one of them has written (each writes once a second), plus what this
    /// process has not written yet. Never less than this process alone counted; that alone when the store cannot be read.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, CreditSpend>> SpendShownAsync(CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        IReadOnlyDictionary<string, CreditSpend> stored;
        try
        {
            stored = await _store.LoadAsync(Today, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new Dictionary<string, CreditSpend>(_spend, StringComparer.Ordinal);
        }

        var shown = new Dictionary<string, CreditSpend>(StringComparer.Ordinal);
        foreach (var provider in stored.Keys.Union(_spend.Keys))
        {
            var own = _spend.GetValueOrDefault(provider, CreditSpend.None);
            var everyone = stored.GetValueOrDefault(provider, CreditSpend.None);
            var (calls, cost) = _unsaved.GetValueOrDefault((provider, Today));
            shown[provider] = new CreditSpend(
                Math.Max(own.CallsToday, everyone.CallsToday + calls),
                Math.Max(own.CostToday, everyone.CostToday + cost),
                Math.Max(own.CallsTotal, everyone.CallsTotal + calls),
                Math.Max(own.CostTotal, everyone.CostTotal + cost));
        }

        return shown;
    }

    /// <summary>
    /// Reserves room in the provider's daily budget for up to <paramref name="calls"/> billed calls before they are made,
    /// so concurrent calls cannot together pass it: returns how many may go ahead (all of them without a budget).
    /// Each call granted is later <see cref="ChargeAsync">charged</see> if billed, then <see cref="Release">released</see>.
    /// </summary>
    public async ValueTask<int> ReserveAsync(ProviderRuntime provider, int calls, CancellationToken cancellationToken)
    {
        if (provider.Options.DailyBudget is not { } budget)
        {
            return calls;
        }

        await EnsureLoadedAsync(cancellationToken);
        var cost = provider.Options.CostPerCall;
        var spent = _spend.GetValueOrDefault(provider.Name, CreditSpend.None).CostToday;
        if (_shared is { IsAvailable: true } shared)
        {
            await ShareAsync(shared, provider.Name, 0m);
        }

        if (_shared is { IsAvailable: true } && await _shared.SpentAsync(provider.Name, Today) is { } everyone)
        {
            // The shared count starts at zero each day: what this process knows (the store's at load, its own since) is a floor.
            spent = Math.Max(spent, everyone);
        }

        // So is what every process has written to the store: the shared count also starts at zero when Redis comes back
        // without its data, or when a budget is set during the day, and without Redis it is all there is.
        spent = Math.Max(spent, await StoredTodayAsync(provider.Name, cancellationToken));

        lock (_reserved)
        {
            var reserved = _reserved.GetValueOrDefault(provider.Name);
            var left = budget - spent - reserved;
            var granted = cost <= 0 ? calls : (int)Math.Clamp(Math.Floor(left / cost), 0, calls);
            _reserved[provider.Name] = reserved + (granted * cost);
            return granted;
        }
    }

    /// <summary>
    /// Today's spend of <paramref name="provider"/> as the store holds it (every process writes there once a second),
    /// read at most once a second, plus what this process has not written yet; 0 when the store cannot be read.
    /// </summary>
    private async ValueTask<decimal> StoredTodayAsync(string provider, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var today = Today;
        if ((_storeFloor is not { } read || read.Day != today || now - read.ReadAt >= FlushInterval) && _floorRefresh.Wait(0, CancellationToken.None))
        {
            try
            {
                _storeFloor = new StoreFloor(today, now, await _store.LoadAsync(today, cancellationToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The process's own count stands alone until the store answers again.
            }
            finally
            {
                _floorRefresh.Release();
            }
        }

        var stored = _storeFloor is { } floor && floor.Day == today ? floor.Spend.GetValueOrDefault(provider, CreditSpend.None).CostToday : 0m;
        return stored + _unsaved.GetValueOrDefault((provider, today)).Cost;
    }

    /// <summary>Gives back the reservation of <paramref name="calls"/> calls, once each has been charged or turned out free.</summary>
    public void Release(ProviderRuntime provider, int calls)
    {
        if (provider.Options.DailyBudget is null || calls == 0)
        {
            return;
        }

        lock (_reserved)
        {
            _reserved[provider.Name] = Math.Max(0, _reserved.GetValueOrDefault(provider.Name) - (calls * provider.Options.CostPerCall));
        }
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
        if (_shared is not null && provider.Options.DailyBudget is not null)
        {
            await ShareAsync(_shared, provider.Name, cost);
        }
    }

    // A charge that cannot reach the shared count (Redis not yet connected, or away) is owed to it and added with the
    // next one that can, so the count every process reads ends up holding every process's spend.
    private async ValueTask ShareAsync(ISharedCredits shared, string provider, decimal cost)
    {
        var day = Today;
        var owed = cost + (_unshared.TryRemove((provider, day), out var earlier) ? earlier : 0m);
        if (owed == 0m)
        {
            return;
        }

        if (!shared.IsAvailable || await shared.AddAsync(provider, day, owed) is null)
        {
            _unshared.AddOrUpdate((provider, day), owed, (_, more) => more + owed);
        }
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
        _floorRefresh.Dispose();
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

    /// <summary>The store's spend of one day as read at one moment: one reference, so readers on other threads see it whole.</summary>
    private sealed record StoreFloor(DateOnly Day, DateTimeOffset ReadAt, IReadOnlyDictionary<string, CreditSpend> Spend);
}
