namespace Tributary.Credits;

/// <summary>Where credit spend is kept, per provider and UTC day.</summary>
public interface ICreditStore
{
    /// <summary>Adds billed calls and their cost to a provider's day.</summary>
    Task AddAsync(string provider, DateOnly day, long calls, decimal cost, CancellationToken cancellationToken);

    /// <summary>Spend per provider: today and all time.</summary>
    Task<IReadOnlyDictionary<string, CreditSpend>> LoadAsync(DateOnly today, CancellationToken cancellationToken);

    /// <summary>Each provider's spend per day from <paramref name="since"/> on (days without spend have no row).</summary>
    Task<IReadOnlyList<CreditDay>> HistoryAsync(DateOnly since, CancellationToken cancellationToken);
}

/// <summary>One provider's billed calls and credits on one UTC day.</summary>
public sealed record CreditDay(string Provider, DateOnly Day, long Calls, decimal Cost);

/// <summary>What a provider has cost: billed calls and credits, today and in total.</summary>
public sealed record CreditSpend(long CallsToday, decimal CostToday, long CallsTotal, decimal CostTotal)
{
    public static CreditSpend None { get; } = new(0, 0, 0, 0);
}
