using Npgsql;

namespace Tributary.Storage.Postgres;

/// <summary>Processed keys in the shared store: every node sees a key the moment one node recorded it.</summary>
internal sealed class PostgresIdempotencyKeys(PostgresDatabase database, TimeProvider time) : IIdempotencyKeys
{
    public async Task<bool> TryRecordAsync(string scope, string key, TimeSpan retention, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);

        // ON CONFLICT makes concurrent inserts of one key wait for each other: exactly one of them changes a row.
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO idempotency_keys (scope, key, recorded_at, expires_at) VALUES (@scope, @key, @now, @expires)
            ON CONFLICT (scope, key) DO UPDATE SET recorded_at = excluded.recorded_at, expires_at = excluded.expires_at
            WHERE idempotency_keys.expires_at <= @now
            """,
            connection)
            .With("scope", scope)
            .With("key", key)
            .WithTime("now", now)
            .WithTime("expires", now + retention);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM idempotency_keys WHERE expires_at <= @now", connection)
            .WithTime("now", time.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
