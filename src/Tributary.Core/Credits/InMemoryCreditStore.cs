using System.Collections.Concurrent;

namespace Tributary.Credits;

/// <summary>The credit store when no database is configured (benchmarks, tools): lives as long as the process.</summary>
public sealed class InMemoryCreditStore : ICreditStore
{
    private readonly ConcurrentDictionary<(string Provider, DateOnly Day), (long Calls, decimal Cost)> _days = new();

    public Task AddAsync(string provider, DateOnly day, long calls, decimal cost, CancellationToken cancellationToken)
    {
        _days.AddOrUpdate((provider, day), (calls, cost), (_, d) => (d.Calls + calls, d.Cost + cost));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, CreditSpend>> LoadAsync(DateOnly today, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, CreditSpend> spend = _days
            .GroupBy(d => d.Key.Provider)
            .ToDictionary(
                g => g.Key,
                g => new CreditSpend(
                    g.Where(d => d.Key.Day == today).Sum(d => d.Value.Calls),
                    g.Where(d => d.Key.Day == today).Sum(d => d.Value.Cost),
                    g.Sum(d => d.Value.Calls),
                    g.Sum(d => d.Value.Cost)));
        return Task.FromResult(spend);
    }

    public Task<IReadOnlyList<CreditDay>> HistoryAsync(DateOnly since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CreditDay>>([.. _days.Where(d => d.Key.Day >= since).Select(d => new CreditDay(d.Key.Provider, d.Key.Day, d.Value.Calls, d.Value.Cost))]);
}
