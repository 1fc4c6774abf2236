using System.Globalization;
using Dapper;

namespace Tributary.Storage.Sqlite;

/// <summary><c>enrichment_runs</c> in the embedded store. Credits are invariant decimal text: SQLite has no decimal type.</summary>
internal sealed class SqliteRunStore(SqliteDatabase database) : IRunStore
{
    private const string Columns =
        "id, kind, input_name AS InputName, started_at AS StartedAt, finished_at AS FinishedAt, rows, matched, unmatched, rejected, failed, " +
        "credits_spent AS CreditsSpent, api_versions AS ApiVersions, crm_usage AS CrmUsage, seen_at AS SeenAt";

    public async Task<string> StartAsync(RunKind kind, string inputName, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(startedAt).ToString("N");
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO enrichment_runs (id, kind, input_name, started_at) VALUES (@id, @kind, @inputName, @startedAt)",
            new { id, kind = SqliteText.Of(kind), inputName, startedAt = SqliteText.Of(startedAt) },
            cancellationToken: cancellationToken));
        return id;
    }

    public Task ReportProgressAsync(string id, RunTotals totals, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
        UpdateAsync("seen_at = @at", "AND finished_at IS NULL", id, totals, seenAt, cancellationToken);

    public Task FinishAsync(string id, RunTotals totals, DateTimeOffset finishedAt, CancellationToken cancellationToken) =>
        UpdateAsync("finished_at = @at", string.Empty, id, totals, finishedAt, cancellationToken);

    private async Task UpdateAsync(string setTime, string condition, string id, RunTotals totals, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE enrichment_runs SET {setTime}, rows = @Rows, matched = @Matched, unmatched = @Unmatched,
                rejected = @Rejected, failed = @Failed, failure_rate = @FailureRate, credits_spent = @credits, api_versions = @versions,
                crm_usage = @usage
            WHERE id = @id {condition}
            """,
            new
            {
                id,
                at = SqliteText.Of(at),
                totals.Rows,
                totals.Matched,
                totals.Unmatched,
                totals.Rejected,
                totals.Failed,
                totals.FailureRate,
                credits = totals.CreditsSpent.ToString(CultureInfo.InvariantCulture),
                versions = ApiVersionsJson.Write(totals.ApiVersions),
                usage = ApiVersionsJson.Write(totals.CrmUsage),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<EnrichmentRun?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>(new CommandDefinition(
            $"SELECT {Columns} FROM enrichment_runs WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToRun();
    }

    public async Task<IReadOnlyList<EnrichmentRun>> ListRecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(
            $"SELECT {Columns} FROM enrichment_runs ORDER BY started_at DESC, id DESC LIMIT @limit", new { limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRun()).ToArray();
    }

    /// <summary>A row as Dapper reads it, by column position.</summary>
    private sealed record RunRow(
        string Id, string Kind, string InputName, string StartedAt, string? FinishedAt,
        long Rows, long Matched, long Unmatched, long Rejected, long Failed, string CreditsSpent, string ApiVersions, string CrmUsage, string? SeenAt)
    {
        public EnrichmentRun ToRun() => new(
            Id,
            SqliteText.ToEnum<RunKind>(Kind),
            InputName,
            SqliteText.ToTime(StartedAt),
            FinishedAt is null ? null : SqliteText.ToTime(FinishedAt),
            new RunTotals(Rows, Matched, Unmatched, Rejected, Failed, decimal.Parse(CreditsSpent, CultureInfo.InvariantCulture), ApiVersionsJson.Read(ApiVersions))
            {
                CrmUsage = ApiVersionsJson.Read(CrmUsage),
            })
        {
            SeenAt = SeenAt is null ? null : SqliteText.ToTime(SeenAt),
        };
    }
}
