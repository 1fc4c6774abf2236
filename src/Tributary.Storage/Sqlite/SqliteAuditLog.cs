using Dapper;

namespace Tributary.Storage.Sqlite;

/// <summary>The audit log in the embedded store.</summary>
internal sealed class SqliteAuditLog(SqliteDatabase database) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_log (actor, action, subject_hash, at) VALUES (@actor, @action, @subject, @at)",
            new { actor = entry.Actor, action = entry.Action, subject = entry.SubjectHash, at = SqliteText.Of(entry.At) },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadRecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Actor, string Action, string Subject, string At)>(new CommandDefinition(
            "SELECT actor, action, subject_hash, at FROM audit_log ORDER BY at DESC, id DESC LIMIT @limit",
            new { limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AuditEntry(r.Actor, r.Action, r.Subject, SqliteText.ToTime(r.At)))];
    }
}
