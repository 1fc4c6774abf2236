using Dapper;

namespace Tributary.Storage.Sqlite;

/// <summary><c>dead_letters</c> in the embedded store.</summary>
internal sealed class SqliteDeadLetterStore(SqliteDatabase database) : IDeadLetterStore
{
    private const string Columns = "id, kind, source_system AS SourceSystem, record_id AS RecordId, payload, reason, attempts, failed_at AS FailedAt";

    public async Task AddAsync(NewDeadLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO dead_letters (kind, source_system, record_id, payload, reason, attempts, failed_at)
            VALUES (@Kind, @SourceSystem, @RecordId, @Payload, @Reason, @Attempts, @failedAt)
            ON CONFLICT (kind, source_system, record_id) DO UPDATE SET
                payload = excluded.payload, reason = excluded.reason, attempts = excluded.attempts, failed_at = excluded.failed_at
            """,
            new { letter.Kind, letter.SourceSystem, letter.RecordId, letter.Payload, letter.Reason, letter.Attempts, failedAt = SqliteText.Of(letter.FailedAt) },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM dead_letters ORDER BY failed_at DESC, id DESC LIMIT @limit", new { limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToLetter()).ToArray();
    }

    public async Task<DeadLetter?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM dead_letters WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToLetter();
    }

    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM dead_letters WHERE id = @id", new { id }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM dead_letters", cancellationToken: cancellationToken));
    }

    /// <summary>A row as Dapper reads it, by column position.</summary>
    private sealed record Row(long Id, string Kind, string SourceSystem, string RecordId, string Payload, string Reason, long Attempts, string FailedAt)
    {
        public DeadLetter ToLetter() => new(Id, new NewDeadLetter(Kind, SourceSystem, RecordId, Payload, Reason, (int)Attempts, SqliteText.ToTime(FailedAt)));
    }
}
