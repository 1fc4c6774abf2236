using Npgsql;

namespace Tributary.Storage.Postgres;

/// <summary>The audit log in the shared store.</summary>
internal sealed class PostgresAuditLog(PostgresDatabase database) : IAuditLog
{
    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return AppendManyAsync([entry], cancellationToken);
    }

    public async Task AppendManyAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var entry in entries)
        {
            var command = new NpgsqlBatchCommand("INSERT INTO audit_log (actor, action, subject_hash, at, purpose) VALUES ($1, $2, $3, $4, $5)");
            command.Parameters.Add(new NpgsqlParameter<string>{ TypedValue = entry.Actor });
            command.Parameters.Add(new NpgsqlParameter<string>{ TypedValue = entry.Action });
            command.Parameters.Add(new NpgsqlParameter<string>{ TypedValue = entry.SubjectHash });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = entry.At.ToUniversalTime() });
            command.Parameters.Add(entry.Purpose is null ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text } : new NpgsqlParameter<string> { TypedValue = entry.Purpose });
            batch.BatchCommands.Add(command);
        }

        // An NpgsqlBatch runs as one implicit transaction: all the rows or none.
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadRecentAsync(string? subject, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            subject is null
                ? "SELECT actor, action, subject_hash, at, purpose FROM audit_log ORDER BY at DESC, id DESC LIMIT @limit"
                : "SELECT actor, action, subject_hash, at, purpose FROM audit_log WHERE subject_hash = @subject ORDER BY at DESC, id DESC LIMIT @limit",
            connection)
            .With("subject", subject)
            .With("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return entries;
    }
}
