using Dapper;

namespace Tributary.Storage.Sqlite;

/// <summary>Processed keys in the embedded store.</summary>
internal sealed class SqliteIdempotencyKeys(SqliteDatabase database, TimeProvider time) : IIdempotencyKeys
{
    public async Task<bool> TryRecordAsync(string scope, string key, TimeSpan retention, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenForWriteAsync(cancellationToken);

        // One statement: the insert, or taking over a key whose retention has passed. A replay changes no row.
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO idempotency_keys (scope, key, recorded_at, expires_at) VALUES (@scope, @key, @now, @expires)
            ON CONFLICT (scope, key) DO UPDATE SET recorded_at = excluded.recorded_at, expires_at = excluded.expires_at
            WHERE idempotency_keys.expires_at <= @now
            """,
            new { scope, key, now = SqliteText.Of(now), expires = SqliteText.Of(now + retention) },
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_keys WHERE expires_at <= @now",
            new { now = SqliteText.Of(time.GetUtcNow()) },
            cancellationToken: cancellationToken));
    }
}
