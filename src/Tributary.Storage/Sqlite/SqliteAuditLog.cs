using Dapper;

namespace Tributary.Storage.Sqlite;

/// <summary>The audit log in the embedded store.</summary>
internal sealed class SqliteAuditLog(SqliteDatabase database) : IAuditLog
{
    private const string Insert = "INSERT INTO audit_log (actor, action, subject_hash, at, purpose) VALUES (@actor, @action, @subject, @at, @purpose)";

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

        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            Insert,
            entries.Select(e => new { actor = e.Actor, action = e.Action, subject = e.SubjectHash, at = SqliteText.Of(e.At), purpose = e.Purpose }),
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadRecentAsync(string? subject, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Actor, string Action, string Subject, string At, string? Purpose)>(new CommandDefinition(
            subject is null
                ? "SELECT actor, action, subject_hash, at, purpose FROM audit_log ORDER BY at DESC, id DESC LIMIT @limit"
                : "SELECT actor, action, subject_hash, at, purpose FROM audit_log WHERE subject_hash = @subject ORDER BY at DESC, id DESC LIMIT @limit",
            new { subject, limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AuditEntry(r.Actor, r.Action, r.Subject, SqliteText.ToTime(r.At), r.Purpose))];
    }
}
