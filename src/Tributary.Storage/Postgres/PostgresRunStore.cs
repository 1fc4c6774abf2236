using Npgsql;
using NpgsqlTypes;

namespace Tributary.Storage.Postgres;

/// <summary><c>enrichment_runs</c> in the shared store. Credits are <c>numeric</c>.</summary>
internal sealed class PostgresRunStore(PostgresDatabase database) : IRunStore
{
    private const string Columns =
        "id, kind, input_name, started_at, finished_at, rows, matched, unmatched, rejected, failed, credits_spent, api_versions::text, crm_usage::text, seen_at";

    public async Task<string> StartAsync(RunKind kind, string inputName, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(startedAt).ToString("N");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO enrichment_runs (id, kind, input_name, started_at) VALUES (@id, @kind, @inputName, @startedAt)", connection)
            .With("id", id)
            .With("kind", StoredEnum.Of(kind))
            .With("inputName", inputName)
            .WithTime("startedAt", startedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    public Task ReportProgressAsync(string id, RunTotals totals, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
        UpdateAsync("seen_at = @at", "AND finished_at IS NULL", id, totals, seenAt, cancellationToken);

    public Task FinishAsync(string id, RunTotals totals, DateTimeOffset finishedAt, CancellationToken cancellationToken) =>
        UpdateAsync("finished_at = @at", string.Empty, id, totals, finishedAt, cancellationToken);

    private async Task UpdateAsync(string setTime, string condition, string id, RunTotals totals, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(totals);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE enrichment_runs SET {setTime}, rows = @rows, matched = @matched, unmatched = @unmatched,
                rejected = @rejected, failed = @failed, failure_rate = @failureRate, credits_spent = @credits, api_versions = @versions,
                crm_usage = @usage
            WHERE id = @id {condition}
            """,
            connection)
            .With("id", id)
            .WithTime("at", at)
            .With("rows", totals.Rows)
            .With("matched", totals.Matched)
            .With("unmatched", totals.Unmatched)
            .With("rejected", totals.Rejected)
            .With("failed", totals.Failed)
            .With("failureRate", totals.FailureRate)
            .With("credits", totals.CreditsSpent)
            .WithJson("versions", ApiVersionsJson.Write(totals.ApiVersions), NpgsqlDbType.Jsonb)
            .WithJson("usage", ApiVersionsJson.Write(totals.CrmUsage), NpgsqlDbType.Jsonb);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<EnrichmentRun?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var runs = await QueryAsync($"SELECT {Columns} FROM enrichment_runs WHERE id = @id", c => c.With("id", id), cancellationToken);
        return runs.Count == 0 ? null : runs[0];
    }

    public Task<IReadOnlyList<EnrichmentRun>> ListRecentAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM enrichment_runs ORDER BY started_at DESC, id DESC LIMIT @limit", c => c.With("limit", limit), cancellationToken);

    private async Task<IReadOnlyList<EnrichmentRun>> QueryAsync(string sql, Action<NpgsqlCommand> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        parameters(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<EnrichmentRun>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new EnrichmentRun(
                reader.GetString(0),
                StoredEnum.Parse<RunKind>(reader.GetString(1)),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                new RunTotals(
                    reader.GetInt64(5),
                    reader.GetInt64(6),
                    reader.GetInt64(7),
                    reader.GetInt64(8),
                    reader.GetInt64(9),
                    reader.GetDecimal(10),
                    ApiVersionsJson.Read(reader.GetString(11)))
                {
                    CrmUsage = ApiVersionsJson.Read(reader.GetString(12)),
                })
            {
                SeenAt = reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13),
            });
        }

        return runs;
    }
}
