using Dapper;

namespace Tributary.Storage.Sqlite;

/// <summary><c>unmatched_records</c> in the embedded store; a record's row here and in <c>enriched_contacts</c> exclude each other.</summary>
internal sealed class SqliteUnmatchedRecordStore(SqliteDatabase database) : IUnmatchedRecordStore
{
    public async Task AddAsync(IReadOnlyCollection<UnmatchedRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        using (var upsert = new SqliteRowStatement(
            connection,
            transaction,
            """
            INSERT INTO unmatched_records (record_id, identifier_hash, reason, recorded_at) VALUES (@recordId, @hash, @reason, @at)
            ON CONFLICT (record_id) DO UPDATE SET identifier_hash = excluded.identifier_hash, reason = excluded.reason, recorded_at = excluded.recorded_at
            """,
            "@recordId", "@hash", "@reason", "@at"))
        using (var enriched = new SqliteRowStatement(connection, transaction, "DELETE FROM enriched_contacts WHERE record_id = @recordId", "@recordId"))
        {
            foreach (var record in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                enriched.Run(record.RecordId);
                upsert.Run(record.RecordId, record.IdentifierHash, record.Reason, SqliteText.Of(record.At));
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<UnmatchedRecord?> GetAsync(string recordId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string RecordId, string Hash, string Reason, string At)?>(new CommandDefinition(
            "SELECT record_id, identifier_hash, reason, recorded_at FROM unmatched_records WHERE record_id = @recordId",
            new { recordId },
            cancellationToken: cancellationToken));
        return row is { } r ? new UnmatchedRecord(r.RecordId, r.Hash, r.Reason, SqliteText.ToTime(r.At)) : null;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM unmatched_records", cancellationToken: cancellationToken));
    }
}
