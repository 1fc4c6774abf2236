using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Tributary.Storage.Sqlite;

/// <summary>Bulk jobs in the embedded store: <c>jobs</c> and <c>job_records</c>.</summary>
internal sealed class SqliteJobStore(SqliteDatabase database) : IJobStore
{
    private const int PageSize = 500;

    private const string SnapshotColumns =
        """
        id, state, options, total, processed, matched, unmatched, rejected, failed, created_at AS CreatedAt,
        started_at AS StartedAt, finished_at AS FinishedAt, error, callback_url AS CallbackUrl,
        callback_state AS CallbackState, callback_attempts AS CallbackAttempts
        """;

    public async Task CreateAsync(NewJob job, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO jobs (id, state, options, total, created_at, callback_url)
            VALUES (@Id, @state, @Options, @total, @createdAt, @CallbackUrl)
            """,
            new { job.Id, state = SqliteText.Of(JobState.Queued), job.Options, total = job.Records.Count, createdAt = SqliteText.Of(job.CreatedAt), job.CallbackUrl },
            transaction,
            cancellationToken: cancellationToken));

        // One prepared statement for every record, inside the one transaction: thousands of rows in milliseconds.
        using (var insert = new SqliteRowStatement(
            connection, (SqliteTransaction)transaction, "INSERT INTO job_records (job_id, idx, record) VALUES ($job, $idx, $record)", "$job", "$idx", "$record"))
        {
            for (var i = 0; i < job.Records.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                insert.Run(job.Id, i, job.Records[i]);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<JobSnapshot?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(
            $"SELECT {SnapshotColumns} FROM jobs WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToSnapshot();
    }

    public async Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM jobs WHERE state IN ('queued', 'running') ORDER BY created_at, id", cancellationToken: cancellationToken))).AsList();
    }

    public async Task<bool> TryClaimAsync(string id, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE jobs SET state = 'running', claimed_by = @owner, lease_until = @leaseUntil, started_at = COALESCE(started_at, @startedAt)
            WHERE id = @id AND state IN ('queued', 'running')
              AND (claimed_by IS NULL OR claimed_by = @owner OR lease_until IS NULL OR lease_until < @now)
            """,
            new { id, owner, leaseUntil = SqliteText.Of(now + lease), startedAt = SqliteText.Of(now), now = SqliteText.Of(now) },
            cancellationToken: cancellationToken));
        return claimed == 1;
    }

    public async IAsyncEnumerable<JobRecord> ReadPendingRecordsAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = -1;
        while (true)
        {
            List<(long Idx, string Record)> page;
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                page = (await connection.QueryAsync<(long, string)>(new CommandDefinition(
                    "SELECT idx, record FROM job_records WHERE job_id = @id AND result IS NULL AND idx > @after ORDER BY idx LIMIT @limit",
                    new { id, after, limit = PageSize },
                    cancellationToken: cancellationToken))).AsList();
            }

            foreach (var (idx, record) in page)
            {
                yield return new JobRecord((int)idx, record);
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = (int)page[^1].Idx;
        }
    }

    public async Task<bool> SaveResultsAsync(string id, string owner, IReadOnlyList<JobRecordResult> results, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var counted = new long[4];
        using (var update = new SqliteRowStatement(
            connection,
            (SqliteTransaction)transaction,
            "UPDATE job_records SET outcome = $outcome, result = $result WHERE job_id = $job AND idx = $idx AND result IS NULL",
            "$job", "$idx", "$outcome", "$result"))
        {
            foreach (var result in results)
            {
                // A record saved before (a resumed job redoing its last few) is not counted again.
                cancellationToken.ThrowIfCancellationRequested();
                if (update.Run(id, result.Index, SqliteText.Of(result.Outcome), result.Line) == 1)
                {
                    counted[(int)result.Outcome]++;
                }
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE jobs SET processed = processed + @processed, matched = matched + @matched, unmatched = unmatched + @unmatched,
                rejected = rejected + @rejected, failed = failed + @failed,
                lease_until = CASE WHEN claimed_by = @owner THEN @leaseUntil ELSE lease_until END
            WHERE id = @id
            """,
            new
            {
                id,
                owner,
                leaseUntil = SqliteText.Of(leaseUntil),
                processed = counted[0] + counted[1] + counted[2] + counted[3],
                matched = counted[(int)RecordOutcome.Matched],
                unmatched = counted[(int)RecordOutcome.Unmatched],
                rejected = counted[(int)RecordOutcome.Rejected],
                failed = counted[(int)RecordOutcome.Failed],
            },
            transaction,
            cancellationToken: cancellationToken));
        var held = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM jobs WHERE id = @id AND claimed_by = @owner", new { id, owner }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return held > 0;
    }

    public async Task<bool> FinishAsync(string id, string owner, JobState state, string? reason, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE jobs SET state = @state, error = @error, finished_at = @finishedAt, claimed_by = NULL, lease_until = NULL,
                callback_state = CASE WHEN callback_url IS NULL THEN 'none' ELSE 'pending' END
            WHERE id = @id AND claimed_by = @owner
            """,
            new { id, owner, state = SqliteText.Of(state), error = reason, finishedAt = SqliteText.Of(finishedAt) },
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task ReleaseAsync(string id, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET claimed_by = NULL, lease_until = NULL WHERE id = @id AND claimed_by = @owner AND state = 'running'",
            new { id, owner },
            cancellationToken: cancellationToken));
    }

    public async IAsyncEnumerable<string> ReadResultsAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = -1L;
        while (true)
        {
            List<(long Idx, string Result)> page;
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                page = (await connection.QueryAsync<(long, string)>(new CommandDefinition(
                    "SELECT idx, result FROM job_records WHERE job_id = @id AND result IS NOT NULL AND idx > @after ORDER BY idx LIMIT @limit",
                    new { id, after, limit = PageSize },
                    cancellationToken: cancellationToken))).AsList();
            }

            foreach (var (_, result) in page)
            {
                yield return result;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Idx;
        }
    }

    public async Task<IReadOnlyList<string>> ListPendingCallbacksAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM jobs WHERE callback_state = 'pending' ORDER BY finished_at, id", cancellationToken: cancellationToken))).AsList();
    }

    public async Task RecordCallbackAsync(string id, CallbackState state, int attempts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET callback_state = @state, callback_attempts = @attempts WHERE id = @id",
            new { id, state = SqliteText.Of(state), attempts },
            cancellationToken: cancellationToken));
    }

    /// <summary>A row of <c>jobs</c> as Dapper reads it.</summary>
    private sealed record JobRow(
        string Id, string State, string Options, long Total, long Processed, long Matched, long Unmatched, long Rejected, long Failed,
        string CreatedAt, string? StartedAt, string? FinishedAt, string? Error, string? CallbackUrl, string CallbackState, long CallbackAttempts)
    {
        public JobSnapshot ToSnapshot() => new(
            Id,
            SqliteText.ToEnum<JobState>(State),
            new JobCounts(Total, Processed, Matched, Unmatched, Rejected, Failed),
            Options,
            SqliteText.ToTime(CreatedAt),
            StartedAt is null ? null : SqliteText.ToTime(StartedAt),
            FinishedAt is null ? null : SqliteText.ToTime(FinishedAt),
            Error,
            CallbackUrl,
            SqliteText.ToEnum<CallbackState>(CallbackState),
            (int)CallbackAttempts);
    }
}
