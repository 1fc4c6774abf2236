using Npgsql;
using Tributary.Credits;

namespace Tributary.Storage.Postgres;

/// <summary>
/// Credit spend in the shared store. Costs are <c>numeric</c>, so sums are exact; the increment is one atomic upsert,
/// so nodes adding to the same provider's day never lose each other's calls.
/// </summary>
internal sealed class PostgresCreditStore(PostgresDatabase database) : ICreditStore
{
    public async Task AddAsync(string provider, DateOnly day, long calls, decimal cost, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO provider_credits (provider, day, calls, cost) VALUES (@provider, @day, @calls, @cost)
            ON CONFLICT (provider, day) DO UPDATE SET
                calls = provider_credits.calls + excluded.calls, cost = provider_credits.cost + excluded.cost
            """,
            connection)
            .With("provider", provider)
            .With("day", day)
            .With("calls", calls)
            .With("cost", cost);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, CreditSpend>> LoadAsync(DateOnly today, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT provider,
                   COALESCE(SUM(calls) FILTER (WHERE day = @today), 0)::bigint,
                   COALESCE(SUM(cost) FILTER (WHERE day = @today), 0),
                   SUM(calls)::bigint,
                   SUM(cost)
            FROM provider_credits GROUP BY provider
            """,
            connection)
            .With("today", today);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var spend = new Dictionary<string, CreditSpend>();
        while (await reader.ReadAsync(cancellationToken))
        {
            spend[reader.GetString(0)] = new CreditSpend(reader.GetInt64(1), reader.GetDecimal(2), reader.GetInt64(3), reader.GetDecimal(4));
        }

        return spend;
    }

    public async Task<IReadOnlyList<CreditDay>> HistoryAsync(DateOnly since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT provider, day, calls, cost FROM provider_credits WHERE day >= @since ORDER BY day, provider", connection)
            .With("since", since);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var days = new List<CreditDay>();
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(new CreditDay(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt64(2), reader.GetDecimal(3)));
        }

        return days;
    }
}
