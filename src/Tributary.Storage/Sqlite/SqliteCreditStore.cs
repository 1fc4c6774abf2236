using System.Globalization;
using Dapper;
using Tributary.Credits;

namespace Tributary.Storage.Sqlite;

/// <summary>Credit spend in the embedded store. Costs are stored as invariant decimal text: SQLite has no decimal type.</summary>
internal sealed class SqliteCreditStore(SqliteDatabase database) : ICreditStore
{
    public async Task AddAsync(string provider, DateOnly day, long calls, decimal cost, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await connection.QuerySingleOrDefaultAsync<(long Calls, string Cost)?>(new CommandDefinition(
            "SELECT calls, cost FROM provider_credits WHERE provider = @provider AND day = @day",
            new { provider, day = Day(day) },
            transaction,
            cancellationToken: cancellationToken));
        var total = (current is { } c ? decimal.Parse(c.Cost, CultureInfo.InvariantCulture) : 0) + cost;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO provider_credits (provider, day, calls, cost) VALUES (@provider, @day, @calls, @cost)
            ON CONFLICT (provider, day) DO UPDATE SET calls = excluded.calls, cost = excluded.cost
            """,
            new { provider, day = Day(day), calls = (current?.Calls ?? 0) + calls, cost = total.ToString(CultureInfo.InvariantCulture) },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, CreditSpend>> LoadAsync(DateOnly today, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Provider, string Day, long Calls, string Cost)>(
            new CommandDefinition("SELECT provider, day, calls, cost FROM provider_credits", cancellationToken: cancellationToken));
        var todayText = Day(today);
        return rows.GroupBy(r => r.Provider).ToDictionary(
            g => g.Key,
            g => new CreditSpend(
                g.Where(r => r.Day == todayText).Sum(r => r.Calls),
                g.Where(r => r.Day == todayText).Sum(r => decimal.Parse(r.Cost, CultureInfo.InvariantCulture)),
                g.Sum(r => r.Calls),
                g.Sum(r => decimal.Parse(r.Cost, CultureInfo.InvariantCulture))));
    }

    public async Task<IReadOnlyList<CreditDay>> HistoryAsync(DateOnly since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Provider, string Day, long Calls, string Cost)>(new CommandDefinition(
            "SELECT provider, day, calls, cost FROM provider_credits WHERE day >= @since ORDER BY day, provider",
            new { since = Day(since) },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new CreditDay(
            r.Provider,
            DateOnly.ParseExact(r.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.Calls,
            decimal.Parse(r.Cost, CultureInfo.InvariantCulture)))];
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
