using Npgsql;
using NpgsqlTypes;

namespace Tributary.Storage.Postgres;

/// <summary>
/// The staging queue shared by every worker. A claim locks free rows with <c>FOR UPDATE SKIP LOCKED</c> and stamps
/// them in the same statement: a concurrent claimer skips rows another transaction is taking instead of waiting for
/// them or taking them too.
/// </summary>
internal sealed class PostgresStagingQueue(PostgresDatabase database, TimeProvider time) : IStagingQueue
{
    public async Task StageAsync(IReadOnlyCollection<StagedRecord> records, DateTimeOffset? notBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await database.OpenAsync(cancellationToken);
        await StageAsync(connection, null, records, notBefore, cancellationToken);
    }

    public async Task<IReadOnlyList<bool>> StageOnceAsync(string scope, TimeSpan retention, IReadOnlyList<OnceStaged> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var now = time.GetUtcNow();
        var fresh = new bool[events.Count];
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < events.Count; i++)
        {
            // The key as IIdempotencyKeys records it; concurrent deliveries of one event wait on it, and one wins.
            await using (var record = new NpgsqlCommand(
                """
                INSERT INTO idempotency_keys (scope, key, recorded_at, expires_at) VALUES (@scope, @key, @now, @expires)
                ON CONFLICT (scope, key) DO UPDATE SET recorded_at = excluded.recorded_at, expires_at = excluded.expires_at
                WHERE idempotency_keys.expires_at <= @now
                """,
                connection,
                transaction))
            {
                record.With("scope", scope).With("key", events[i].Key).WithTime("now", now).WithTime("expires", now + retention);
                fresh[i] = await record.ExecuteNonQueryAsync(cancellationToken) == 1;
            }

            if (fresh[i])
            {
                await StageAsync(connection, transaction, events[i].Records, null, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return fresh;
    }

    private async Task StageAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<StagedRecord> records, DateTimeOffset? notBefore, CancellationToken cancellationToken)
    {
        var batch = StagedRecordBatch.LastPerKey(records);
        if (batch.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO staged_records (source_system, record_id, payload, staged_at, lease_expires_at)
            SELECT s, r, p, @at, @after FROM unnest(@sources, @ids, @payloads) AS t(s, r, p)
            ON CONFLICT (source_system, record_id) DO UPDATE SET
                payload = excluded.payload, version = staged_records.version + 1, staged_at = excluded.staged_at
            """,
            connection,
            transaction)
            .With("sources", batch.Select(r => r.SourceSystem).ToArray())
            .With("ids", batch.Select(r => r.RecordId).ToArray())
            .WithTime("at", time.GetUtcNow());
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.TimestampTz) { Value = notBefore is { } after ? after.ToUniversalTime() : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<string[]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Json) { TypedValue = [.. batch.Select(r => r.Payload)] });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<StagingClaim> ClaimAsync(int maxRecords, TimeSpan lease, IReadOnlyCollection<string>? sources, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRecords);
        var now = time.GetUtcNow();
        var token = Guid.NewGuid();
        var expires = now + lease;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            WITH free AS (
                SELECT id FROM staged_records
                WHERE (lease_expires_at IS NULL OR lease_expires_at <= @now) AND (@any OR source_system = ANY(@only))
                ORDER BY id LIMIT @max
                FOR UPDATE SKIP LOCKED)
            UPDATE staged_records s SET claim_token = @token, lease_expires_at = @expires, attempts = s.attempts + 1
            FROM free WHERE s.id = free.id
            RETURNING s.id, s.source_system, s.record_id, s.payload::text, s.version, s.attempts
            """,
            connection)
            .WithTime("now", now)
            .With("max", maxRecords)
            .With("any", sources is null)
            .With("only", sources?.ToArray() ?? [])
            .With("token", token)
            .WithTime("expires", expires);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(long Id, ClaimedRecord Record)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt64(0), new ClaimedRecord(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetInt32(5))));
        }

        return new StagingClaim(token, expires, [.. rows.OrderBy(r => r.Id).Select(r => r.Record)]);
    }

    public async Task<int> ExtendAsync(Guid claimToken, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("UPDATE staged_records SET lease_expires_at = @expires WHERE claim_token = @token", connection)
            .With("token", claimToken)
            .WithTime("expires", time.GetUtcNow() + lease);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ClaimedRecord>> HoldAsync(Guid claimToken, IReadOnlyCollection<ClaimedRecord> records, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            UPDATE staged_records s SET lease_expires_at = @expires
            FROM unnest(@sources, @ids) AS held(source_system, record_id)
            WHERE s.claim_token = @token AND s.source_system = held.source_system AND s.record_id = held.record_id
            RETURNING s.source_system, s.record_id
            """,
            connection)
            .With("token", claimToken)
            .WithTime("expires", time.GetUtcNow() + lease)
            .With("sources", records.Select(r => r.SourceSystem).ToArray())
            .With("ids", records.Select(r => r.RecordId).ToArray());
        var stillHeld = new HashSet<(string, string)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stillHeld.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        return [.. records.Where(r => stillHeld.Contains((r.SourceSystem, r.RecordId)))];
    }

    public async Task<int> ReleaseAsync(Guid claimToken, IReadOnlyCollection<ClaimedRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = ReleaseCommand(connection, claimToken, records);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeferAsync(Guid claimToken, IReadOnlyCollection<ClaimedRecord> records, DateTimeOffset notBefore, bool countAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await database.OpenAsync(cancellationToken);

        // A row without a claim token whose lease lies ahead is nobody's and not yet free: that is the wait.
        await using var command = new NpgsqlCommand(
            """
            UPDATE staged_records s SET claim_token = NULL, lease_expires_at = @notBefore, attempts = s.attempts - @refund
            FROM unnest(@sources, @ids) AS held(source_system, record_id)
            WHERE s.claim_token = @token AND s.source_system = held.source_system AND s.record_id = held.record_id
            """,
            connection)
            .With("token", claimToken)
            .WithTime("notBefore", notBefore)
            .With("refund", countAttempt ? 0 : 1)
            .With("sources", records.Select(r => r.SourceSystem).ToArray())
            .With("ids", records.Select(r => r.RecordId).ToArray());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeleteAsync(Guid claimToken, IReadOnlyCollection<ClaimedRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int deleted;
        await using (var delete = new NpgsqlCommand(
            """
            DELETE FROM staged_records s
            USING unnest(@sources, @ids, @versions) AS held(source_system, record_id, version)
            WHERE s.claim_token = @token AND s.source_system = held.source_system AND s.record_id = held.record_id AND s.version = held.version
            """,
            connection,
            transaction))
        {
            delete.With("token", claimToken)
                .With("sources", records.Select(r => r.SourceSystem).ToArray())
                .With("ids", records.Select(r => r.RecordId).ToArray())
                .With("versions", records.Select(r => r.Version).ToArray());
            deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        // What is left of these records was staged again while claimed: give it back for another pass.
        await using (var release = ReleaseCommand(connection, claimToken, records, transaction))
        {
            await release.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task<long> CountAsync(IReadOnlyCollection<string>? sources, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM staged_records WHERE @any OR source_system = ANY(@only)", connection)
            .With("any", sources is null)
            .With("only", sources?.ToArray() ?? []);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static NpgsqlCommand ReleaseCommand(
        NpgsqlConnection connection, Guid claimToken, IReadOnlyCollection<ClaimedRecord> records, NpgsqlTransaction? transaction = null) =>
        new NpgsqlCommand(
            """
            UPDATE staged_records s SET claim_token = NULL, lease_expires_at = NULL
            FROM unnest(@sources, @ids) AS held(source_system, record_id)
            WHERE s.claim_token = @token AND s.source_system = held.source_system AND s.record_id = held.record_id
            """,
            connection,
            transaction)
            .With("token", claimToken)
            .With("sources", records.Select(r => r.SourceSystem).ToArray())
            .With("ids", records.Select(r => r.RecordId).ToArray());
}
