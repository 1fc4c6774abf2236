using Dapper;

namespace Tributary.Storage.Sqlite;

/// <summary><c>writeback_journal</c> in the embedded store.</summary>
internal sealed class SqliteWriteBackJournal(SqliteDatabase database) : IWriteBackJournal
{
    public async Task RecordAsync(IReadOnlyCollection<JournalEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        // A claim journals a row per field it writes, hundreds at a time: one transaction, one prepared insert re-bound
        // per row. (One JSON array taken apart by SQLite's json_each cost more: JournalWriteBenchmark.)
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        using (var insert = new SqliteRowStatement(
            connection,
            transaction,
            """
            INSERT INTO writeback_journal (run_id, source_system, record_id, object_type, field, old_value, new_value, source, confidence, state, at)
            VALUES (@runId, @sourceSystem, @recordId, @objectType, @field, @oldValue, @newValue, @source, @confidence, @state, @at)
            """,
            "@runId", "@sourceSystem", "@recordId", "@objectType", "@field", "@oldValue", "@newValue", "@source", "@confidence", "@state", "@at"))
        {
            foreach (var e in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                insert.Run(e.RunId, e.SourceSystem, e.RecordId, e.ObjectType, e.Field, e.OldValue, e.NewValue, e.Source, e.Confidence, SqliteText.Of(e.State), SqliteText.Of(e.At));
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task MarkAsync(string runId, string sourceSystem, IReadOnlyCollection<string> recordIds, JournalState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordIds);
        if (recordIds.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE writeback_journal SET state = @state
            WHERE run_id = @runId AND source_system = @sourceSystem AND record_id IN (SELECT value FROM json_each(@recordIds))
            """,
            new { state = SqliteText.Of(state), runId, sourceSystem, recordIds = SqliteText.JsonList(recordIds) },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<JournalEntry>> ListAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT run_id AS RunId, source_system AS SourceSystem, record_id AS RecordId, object_type AS ObjectType, field,
                old_value AS OldValue, new_value AS NewValue, source, confidence, state, at
            FROM writeback_journal WHERE run_id = @runId ORDER BY id
            """,
            new { runId },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToArray();
    }

    /// <summary>A row as Dapper reads it, by column position.</summary>
    private sealed record Row(
        string RunId, string SourceSystem, string RecordId, string ObjectType, string Field, string? OldValue, string NewValue,
        string Source, double Confidence, string State, string At)
    {
        public JournalEntry ToEntry() => new(
            RunId, SourceSystem, RecordId, ObjectType, Field, OldValue, NewValue, Source, Confidence, SqliteText.ToEnum<JournalState>(State), SqliteText.ToTime(At));
    }
}
