using Npgsql;

namespace Tributary.Storage.Postgres;

/// <summary><c>unmatched_records</c> in the shared store; a record's row here and in <c>enriched_contacts</c> exclude each other.</summary>
internal sealed class PostgresUnmatchedRecordStore(PostgresDatabase database) : IUnmatchedRecordStore
{
    public async Task AddAsync(IReadOnlyCollection<UnmatchedRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);

        // One statement over arrays; ON CONFLICT may touch a row once per statement, so the last row of a record wins here.
        var rows = records.GroupBy(r => r.RecordId, StringComparer.Ordinal).Select(g => g.Last()).ToArray();
        if (rows.Length == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            WITH enriched AS (DELETE FROM enriched_contacts WHERE record_id = ANY(@records))
            INSERT INTO unmatched_records (record_id, identifier_hash, reason, recorded_at)
            SELECT * FROM unnest(@records, @hashes, @reasons, @ats)
            ON CONFLICT (record_id) DO UPDATE SET identifier_hash = excluded.identifier_hash, reason = excluded.reason, recorded_at = excluded.recorded_at
            """,
            connection)
            .With("records", rows.Select(r => r.RecordId).ToArray())
            .With("hashes", rows.Select(r => r.IdentifierHash).ToArray())
            .With("reasons", rows.Select(r => r.Reason).ToArray())
            .With("ats", rows.Select(r => r.At.ToUniversalTime()).ToArray());
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
