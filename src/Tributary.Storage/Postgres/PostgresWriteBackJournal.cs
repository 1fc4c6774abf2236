using Npgsql;

namespace Tributary.Storage.Postgres;

/// <summary><c>writeback_journal</c> in the shared store; a batch of entries is one statement over arrays.</summary>
internal sealed class PostgresWriteBackJournal(PostgresDatabase database) : IWriteBackJournal
{
    public async Task RecordAsync(IReadOnlyCollection<JournalEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO writeback_journal (run_id, source_system, record_id, object_type, field, old_value, new_value, source, confidence, state, at)
            SELECT * FROM unnest(@runs, @sources, @records, @types, @fields, @olds, @news, @origins, @confidences, @states, @ats)
            """,
            connection)
            .With("runs", entries.Select(e => e.RunId).ToArray())
            .With("sources", entries.Select(e => e.SourceSystem).ToArray())
            .With("records", entries.Select(e => e.RecordId).ToArray())
            .With("types", entries.Select(e => e.ObjectType).ToArray())
            .With("fields", entries.Select(e => e.Field).ToArray())
            .With("olds", entries.Select(e => e.OldValue).ToArray())
            .With("news", entries.Select(e => e.NewValue).ToArray())
            .With("origins", entries.Select(e => e.Source).ToArray())
            .With("confidences", entries.Select(e => e.Confidence).ToArray())
            .With("states", entries.Select(e => StoredEnum.Of(e.State)).ToArray())
            .With("ats", entries.Select(e => e.At.ToUniversalTime()).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkAsync(string runId, string sourceSystem, IReadOnlyCollection<string> recordIds, JournalState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordIds);
        if (recordIds.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE writeback_journal SET state = @state WHERE run_id = @runId AND source_system = @source AND record_id = ANY(@records) AND state = ANY(@from)",
            connection)
            .With("state", StoredEnum.Of(state))
            .With("runId", runId)
            .With("source", sourceSystem)
            .With("records", recordIds.ToArray())
            .With("from", JournalStates.Before(state).Select(static s => StoredEnum.Of(s)).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<JournalEntry>> ListAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT run_id, source_system, record_id, object_type, field, old_value, new_value, source, confidence, state, at
            FROM writeback_journal WHERE run_id = @runId ORDER BY id
            """,
            connection)
            .With("runId", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<JournalEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new JournalEntry(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetDouble(8),
                StoredEnum.Parse<JournalState>(reader.GetString(9)), reader.GetFieldValue<DateTimeOffset>(10)));
        }

        return entries;
    }
}
