using System.Buffers;
using System.Text;
using System.Text.Json;
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

        // A claim journals a row per field it writes, hundreds at a time: one statement reads them all from one JSON
        // parameter, instead of a statement per row binding eleven parameters. jsonb_each, not json_each: it hands
        // each row over in SQLite's binary form, so the eleven ->> lookups read it instead of parsing its text again.
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO writeback_journal (run_id, source_system, record_id, object_type, field, old_value, new_value, source, confidence, state, at)
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9, value ->> 10
            FROM jsonb_each(@rows) ORDER BY key
            """,
            new { rows = RowsJson(entries) },
            cancellationToken: cancellationToken));
    }

    /// <summary>The entries as a JSON array of arrays, each in the insert's column order.</summary>
    private static string RowsJson(IReadOnlyCollection<JournalEntry> entries)
    {
        var buffer = new ArrayBufferWriter<byte>(entries.Count * 192);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var e in entries)
            {
                json.WriteStartArray();
                json.WriteStringValue(e.RunId);
                json.WriteStringValue(e.SourceSystem);
                json.WriteStringValue(e.RecordId);
                json.WriteStringValue(e.ObjectType);
                json.WriteStringValue(e.Field);
                if (e.OldValue is null)
                {
                    json.WriteNullValue();
                }
                else
                {
                    json.WriteStringValue(e.OldValue);
                }

                json.WriteStringValue(e.NewValue);
                json.WriteStringValue(e.Source);
                json.WriteNumberValue(e.Confidence);
                json.WriteStringValue(SqliteText.Of(e.State));
                json.WriteStringValue(SqliteText.Of(e.At));
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
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
                AND state IN (SELECT value FROM json_each(@from))
            """,
            new
            {
                state = SqliteText.Of(state),
                runId,
                sourceSystem,
                recordIds = SqliteText.JsonList(recordIds),
                from = SqliteText.JsonList([.. JournalStates.Before(state).Select(static s => SqliteText.Of(s))]),
            },
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
