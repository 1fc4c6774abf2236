using Npgsql;

namespace Tributary.Storage.Postgres;

/// <summary><c>dead_letters</c> in the shared store.</summary>
internal sealed class PostgresDeadLetterStore(PostgresDatabase database) : IDeadLetterStore
{
    private const string Columns = "id, kind, source_system, record_id, payload, reason, attempts, failed_at";

    public async Task AddAsync(NewDeadLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO dead_letters (kind, source_system, record_id, payload, reason, attempts, failed_at)
            VALUES (@kind, @source, @recordId, @payload, @reason, @attempts, @failedAt)
            ON CONFLICT (kind, source_system, record_id) DO UPDATE SET
                payload = excluded.payload, reason = excluded.reason, attempts = excluded.attempts, failed_at = excluded.failed_at
            """,
            connection)
            .With("kind", letter.Kind)
            .With("source", letter.SourceSystem)
            .With("recordId", letter.RecordId)
            .With("payload", letter.Payload)
            .With("reason", letter.Reason)
            .With("attempts", letter.Attempts)
            .WithTime("failedAt", letter.FailedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM dead_letters ORDER BY failed_at DESC, id DESC LIMIT @limit", c => c.With("limit", limit), cancellationToken);

    public async Task<DeadLetter?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var letters = await QueryAsync($"SELECT {Columns} FROM dead_letters WHERE id = @id", c => c.With("id", id), cancellationToken);
        return letters.Count == 0 ? null : letters[0];
    }

    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM dead_letters WHERE id = @id", connection).With("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM dead_letters", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<IReadOnlyList<DeadLetter>> QueryAsync(string sql, Action<NpgsqlCommand> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        parameters(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new DeadLetter(
                reader.GetInt64(0),
                new NewDeadLetter(
                    reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    reader.GetInt32(6), reader.GetFieldValue<DateTimeOffset>(7))));
        }

        return letters;
    }
}
