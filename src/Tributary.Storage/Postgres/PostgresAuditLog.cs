using Npgsql;

namespace Tributary.Storage.Postgres;

/// <summary>The audit log in the shared store.</summary>
internal sealed class PostgresAuditLog(PostgresDatabase database) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO audit_log (actor, action, subject_hash, at) VALUES (@actor, @action, @subject, @at)", connection)
            .With("actor", entry.Actor)
            .With("action", entry.Action)
            .With("subject", entry.SubjectHash)
            .WithTime("at", entry.At);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadRecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT actor, action, subject_hash, at FROM audit_log ORDER BY at DESC, id DESC LIMIT @limit", connection)
            .With("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return entries;
    }
}
