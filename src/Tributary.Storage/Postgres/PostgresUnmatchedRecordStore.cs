using Npgsql;

namespace Tributary.Storage.Postgres;

/// <summary><c>unmatched_records</c> in the shared store.</summary>
internal sealed class PostgresUnmatchedRecordStore(PostgresDatabase database) : IUnmatchedRecordStore
{
    public async Task AddAsync(UnmatchedRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO unmatched_records (record_id, identifier_hash, reason, recorded_at) VALUES (@recordId, @hash, @reason, @at)
            ON CONFLICT (record_id) DO UPDATE SET identifier_hash = excluded.identifier_hash, reason = excluded.reason, recorded_at = excluded.recorded_at
            """,
            connection)
            .With("recordId", record.RecordId)
            .With("hash", record.IdentifierHash)
            .With("reason", record.Reason)
            .WithTime("at", record.At);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<UnmatchedRecord?> GetAsync(string recordId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT record_id, identifier_hash, reason, recorded_at FROM unmatched_records WHERE record_id = @recordId", connection)
            .With("recordId", recordId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new UnmatchedRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM unmatched_records", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
