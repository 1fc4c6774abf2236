using Dapper;
using Microsoft.Data.Sqlite;

namespace Tributary.Storage.Sqlite;

/// <summary>
/// The staging queue in the embedded store. SQLite has one writer at a time, so a claim is a single
/// <c>UPDATE … RETURNING</c>: choosing the free rows and stamping them with the claim token happen under the same
/// write lock, and two claimers cannot pick the same row.
/// </summary>
internal sealed class SqliteStagingQueue(SqliteDatabase database, TimeProvider time) : IStagingQueue
{
    /// <summary>Rows free to claim (no lease, or a lease run out) of the sources asked for (<c>@any</c>: every source).</summary>
    private const string FreeOfSources =
        "(lease_expires_at IS NULL OR lease_expires_at <= @now) AND (@any OR source_system IN (SELECT value FROM json_each(@sources)))";

    public async Task StageAsync(IReadOnlyCollection<StagedRecord> records, DateTimeOffset? notBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Stage(connection, transaction, records, notBefore, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<bool>> StageOnceAsync(string scope, TimeSpan retention, IReadOnlyList<OnceStaged> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var now = time.GetUtcNow();
        var fresh = new bool[events.Count];

        // A webhook's sender waits for this write before its 202.
        await using var connection = await database.OpenForWriteAsync(callerWaiting: true, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < events.Count; i++)
        {
            // The key as IIdempotencyKeys records it: new, or taking over one whose retention has passed.
            fresh[i] = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO idempotency_keys (scope, key, recorded_at, expires_at) VALUES (@scope, @key, @now, @expires)
                ON CONFLICT (scope, key) DO UPDATE SET recorded_at = excluded.recorded_at, expires_at = excluded.expires_at
                WHERE idempotency_keys.expires_at <= @now
                """,
                new { scope, key = events[i].Key, now = SqliteText.Of(now), expires = SqliteText.Of(now + retention) },
                transaction,
                cancellationToken: cancellationToken)) == 1;
            if (fresh[i])
            {
                await Stage(connection, transaction, events[i].Records, null, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return fresh;
    }

    public async Task<StagingClaim> ClaimAsync(int maxRecords, TimeSpan lease, IReadOnlyCollection<string>? sources, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRecords);
        var now = time.GetUtcNow();
        var token = Guid.NewGuid();
        var expires = now + lease;
        var free = new { now = SqliteText.Of(now), any = sources is null, sources = SqliteText.JsonList(sources) };

        // Most polls find nothing: a read answers that without a write transaction, which would queue behind (and
        // hold up) every other writer of the process, webhook acknowledgements included.
        await using (var reader = await database.OpenAsync(cancellationToken))
        {
            if (!await reader.ExecuteScalarAsync<bool>(new CommandDefinition($"SELECT EXISTS (SELECT 1 FROM staged_records WHERE {FreeOfSources})", free, cancellationToken: cancellationToken)))
            {
                return new StagingClaim(token, expires, []);
            }
        }

        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string SourceSystem, string RecordId, string Payload, long Version, long Attempts)>(new CommandDefinition(
            $"""
            UPDATE staged_records SET claim_token = @token, lease_expires_at = @expires, attempts = attempts + 1
            WHERE id IN (SELECT id FROM staged_records WHERE {FreeOfSources} ORDER BY id LIMIT @maxRecords)
            RETURNING id, source_system, record_id, payload, version, attempts
            """,
            new { token = token.ToString(), expires = SqliteText.Of(expires), free.now, maxRecords, free.any, free.sources },
            cancellationToken: cancellationToken));
        var claimed = rows.OrderBy(r => r.Id).Select(r => new ClaimedRecord(r.SourceSystem, r.RecordId, r.Payload, r.Version, (int)r.Attempts)).ToArray();
        return new StagingClaim(token, expires, claimed);
    }

    public async Task<int> ExtendAsync(Guid claimToken, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staged_records SET lease_expires_at = @expires WHERE claim_token = @token",
            new { token = claimToken.ToString(), expires = SqliteText.Of(time.GetUtcNow() + lease) },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ClaimedRecord>> HoldAsync(Guid claimToken, IReadOnlyCollection<ClaimedRecord> records, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var held = new List<ClaimedRecord>(records.Count);
        using (var extend = new SqliteRowStatement(
            connection,
            transaction,
            "UPDATE staged_records SET lease_expires_at = @expires WHERE claim_token = @token AND source_system = @source AND record_id = @record",
            "@expires", "@token", "@source", "@record"))
        {
            var expires = SqliteText.Of(time.GetUtcNow() + lease);
            var token = claimToken.ToString();
            foreach (var record in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (extend.Run(expires, token, record.SourceSystem, record.RecordId) > 0)
                {
                    held.Add(record);
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return held;
    }

    public async Task<int> ReleaseAsync(Guid claimToken, IReadOnlyCollection<ClaimedRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var released = Release(connection, transaction, claimToken, records, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return released;
    }

    public async Task<int> DeferAsync(Guid claimToken, IReadOnlyCollection<ClaimedRecord> records, DateTimeOffset notBefore, bool countAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // A row without a claim token whose lease lies ahead is nobody's and not yet free: that is the wait.
        var deferred = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE staged_records SET claim_token = NULL, lease_expires_at = @notBefore, attempts = attempts - @refund
            WHERE claim_token = @token AND source_system = @SourceSystem AND record_id = @RecordId
            """,
            records.Select(r => new { token = claimToken.ToString(), r.SourceSystem, r.RecordId, notBefore = SqliteText.Of(notBefore), refund = countAttempt ? 0 : 1 }),
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return deferred;
    }

    public async Task<int> DeleteAsync(Guid claimToken, IReadOnlyCollection<ClaimedRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var deleted = 0;
        using (var delete = new SqliteRowStatement(
            connection,
            transaction,
            "DELETE FROM staged_records WHERE claim_token = @token AND source_system = @source AND record_id = @record AND version = @version",
            "@token", "@source", "@record", "@version"))
        {
            var token = claimToken.ToString();
            foreach (var record in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                deleted += delete.Run(token, record.SourceSystem, record.RecordId, record.Version);
            }
        }

        // What is left of these records was staged again while claimed: give it back for another pass.
        Release(connection, transaction, claimToken, records, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task<long> CountAsync(IReadOnlyCollection<string>? sources, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM staged_records WHERE @any OR source_system IN (SELECT value FROM json_each(@sources))",
            new { any = sources is null, sources = SqliteText.JsonList(sources) },
            cancellationToken: cancellationToken));
    }

    private Task<int> Stage(
        System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction transaction,
        IReadOnlyCollection<StagedRecord> records,
        DateTimeOffset? notBefore,
        CancellationToken cancellationToken)
    {
        var at = SqliteText.Of(time.GetUtcNow());
        var after = notBefore is { } time0 ? SqliteText.Of(time0) : null;
        return connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO staged_records (source_system, record_id, payload, staged_at, lease_expires_at) VALUES (@SourceSystem, @RecordId, @Payload, @at, @after)
            ON CONFLICT (source_system, record_id) DO UPDATE SET
                payload = excluded.payload, version = staged_records.version + 1, staged_at = excluded.staged_at
            """,
            StagedRecordBatch.LastPerKey(records).Select(r => new { r.SourceSystem, r.RecordId, r.Payload, at, after }),
            transaction,
            cancellationToken: cancellationToken));
    }

    private static int Release(
        SqliteConnection connection,
        SqliteTransaction transaction,
        Guid claimToken,
        IReadOnlyCollection<ClaimedRecord> records,
        CancellationToken cancellationToken)
    {
        using var release = new SqliteRowStatement(
            connection,
            transaction,
            "UPDATE staged_records SET claim_token = NULL, lease_expires_at = NULL WHERE claim_token = @token AND source_system = @source AND record_id = @record",
            "@token", "@source", "@record");
        var token = claimToken.ToString();
        var released = 0;
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            released += release.Run(token, record.SourceSystem, record.RecordId);
        }

        return released;
    }
}
