using System.Runtime.CompilerServices;
using Npgsql;

namespace Tributary.Storage.Postgres;

/// <summary>
/// Bulk jobs in the shared store: <c>jobs</c> and <c>job_records</c>. Several servers may try to claim one job; the
/// claim is one conditional <c>UPDATE</c>, and PostgreSQL re-checks its condition on the row a concurrent claimer
/// just changed, so exactly one server wins.
/// </summary>
internal sealed class PostgresJobStore(PostgresDatabase database) : IJobStore
{
    private const int PageSize = 500;

    private const string SnapshotColumns =
        """
        id, state, options, total, processed, matched, unmatched, rejected, failed, created_at, started_at, finished_at, error,
        callback_url, callback_state, callback_attempts
        """;

    public async Task CreateAsync(NewJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insertJob = new NpgsqlCommand(
            "INSERT INTO jobs (id, state, options, total, created_at, callback_url) VALUES (@id, @state, @options, @total, @createdAt, @callbackUrl)",
            connection,
            transaction))
        {
            await insertJob.With("id", job.Id)
                .With("state", StoredEnum.Of(JobState.Queued))
                .With("options", job.Options)
                .With("total", (long)job.Records.Count)
                .WithTime("createdAt", job.CreatedAt)
                .With("callbackUrl", job.CallbackUrl)
                .ExecuteNonQueryAsync(cancellationToken);
        }

        // Every record in one statement: the array is sent once, its positions become the indexes.
        await using (var insertRecords = new NpgsqlCommand(
            "INSERT INTO job_records (job_id, idx, record) SELECT @id, (n - 1)::integer, r FROM unnest(@records) WITH ORDINALITY AS t(r, n)",
            connection,
            transaction))
        {
            await insertRecords.With("id", job.Id).With("records", job.Records.ToArray()).ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<JobSnapshot?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {SnapshotColumns} FROM jobs WHERE id = @id", connection).With("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new JobSnapshot(
            reader.GetString(0),
            StoredEnum.Parse<JobState>(reader.GetString(1)),
            new JobCounts(reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8)),
            reader.GetString(2),
            reader.GetFieldValue<DateTimeOffset>(9),
            reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
            reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
            reader.IsDBNull(12) ? null : reader.GetString(12),
            reader.IsDBNull(13) ? null : reader.GetString(13),
            StoredEnum.Parse<CallbackState>(reader.GetString(14)),
            reader.GetInt32(15));
    }

    public Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        ListIdsAsync("SELECT id FROM jobs WHERE state IN ('queued', 'running') ORDER BY created_at, id", cancellationToken);

    public async Task<bool> TryClaimAsync(string id, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            UPDATE jobs SET state = 'running', claimed_by = @owner, lease_until = @leaseUntil, started_at = COALESCE(started_at, @now)
            WHERE id = @id AND state IN ('queued', 'running')
              AND (claimed_by IS NULL OR claimed_by = @owner OR lease_until IS NULL OR lease_until < @now)
            """,
            connection)
            .With("id", id)
            .With("owner", owner)
            .WithTime("leaseUntil", now + lease)
            .WithTime("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async IAsyncEnumerable<JobRecord> ReadPendingRecordsAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = -1;
        while (true)
        {
            var page = new List<JobRecord>(PageSize);

            // A connection per page, so a slow consumer does not hold one from the pool for the whole job.
            await using (var connection = await database.OpenAsync(cancellationToken))
            await using (var command = new NpgsqlCommand(
                "SELECT idx, record FROM job_records WHERE job_id = @id AND result IS NULL AND idx > @after ORDER BY idx LIMIT @limit", connection))
            {
                command.With("id", id).With("after", after).With("limit", PageSize);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add(new JobRecord(reader.GetInt32(0), reader.GetString(1)));
                }
            }

            foreach (var record in page)
            {
                yield return record;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Index;
        }
    }

    public async Task<bool> SaveResultsAsync(string id, string owner, IReadOnlyList<JobRecordResult> results, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        await using var connection = await database.OpenAsync(cancellationToken);

        // One statement: save the results still missing, and count only those into the job's totals.
        await using var command = new NpgsqlCommand(
            """
            WITH saved AS (
                UPDATE job_records r SET outcome = s.outcome, result = s.result
                FROM unnest(@indexes, @outcomes, @lines) AS s(idx, outcome, result)
                WHERE r.job_id = @id AND r.idx = s.idx AND r.result IS NULL
                RETURNING r.outcome)
            UPDATE jobs SET
                processed = processed + (SELECT count(*) FROM saved),
                matched = matched + (SELECT count(*) FROM saved WHERE outcome = 'matched'),
                unmatched = unmatched + (SELECT count(*) FROM saved WHERE outcome = 'unmatched'),
                rejected = rejected + (SELECT count(*) FROM saved WHERE outcome = 'rejected'),
                failed = failed + (SELECT count(*) FROM saved WHERE outcome = 'failed'),
                lease_until = CASE WHEN claimed_by = @owner THEN @leaseUntil ELSE lease_until END
            WHERE id = @id
            RETURNING claimed_by IS NOT DISTINCT FROM @owner
            """,
            connection)
            .With("id", id)
            .With("owner", owner)
            .WithTime("leaseUntil", leaseUntil)
            .With("indexes", results.Select(r => r.Index).ToArray())
            .With("outcomes", results.Select(r => StoredEnum.Of(r.Outcome)).ToArray())
            .With("lines", results.Select(r => r.Line).ToArray());
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public async Task<bool> FinishAsync(string id, string owner, JobState state, string? reason, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            UPDATE jobs SET state = @state, error = @error, finished_at = @finishedAt, claimed_by = NULL, lease_until = NULL,
                callback_state = CASE WHEN callback_url IS NULL THEN 'none' ELSE 'pending' END
            WHERE id = @id AND claimed_by = @owner
            """,
            connection)
            .With("id", id)
            .With("owner", owner)
            .With("state", StoredEnum.Of(state))
            .With("error", reason)
            .WithTime("finishedAt", finishedAt);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task ReleaseAsync(string id, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE jobs SET claimed_by = NULL, lease_until = NULL WHERE id = @id AND claimed_by = @owner AND state = 'running'", connection)
            .With("id", id)
            .With("owner", owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async IAsyncEnumerable<string> ReadResultsAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = -1;
        while (true)
        {
            var page = new List<(int Index, string Line)>(PageSize);
            await using (var connection = await database.OpenAsync(cancellationToken))
            await using (var command = new NpgsqlCommand(
                "SELECT idx, result FROM job_records WHERE job_id = @id AND result IS NOT NULL AND idx > @after ORDER BY idx LIMIT @limit", connection))
            {
                command.With("id", id).With("after", after).With("limit", PageSize);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add((reader.GetInt32(0), reader.GetString(1)));
                }
            }

            foreach (var (_, line) in page)
            {
                yield return line;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Index;
        }
    }

    public Task<IReadOnlyList<string>> ListPendingCallbacksAsync(CancellationToken cancellationToken) =>
        ListIdsAsync("SELECT id FROM jobs WHERE callback_state = 'pending' ORDER BY finished_at, id", cancellationToken);

    public async Task RecordCallbackAsync(string id, CallbackState state, int attempts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("UPDATE jobs SET callback_state = @state, callback_attempts = @attempts WHERE id = @id", connection)
            .With("id", id)
            .With("state", StoredEnum.Of(state))
            .With("attempts", attempts);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<string>> ListIdsAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
