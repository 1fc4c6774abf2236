using Tributary.Storage;

namespace Tributary.IntegrationTests.Storage;

/// <summary><c>enrichment_runs</c>: opened at start, completed with totals, listed newest first.</summary>
public abstract class RunStoreConformanceTests<TBackend>(TBackend backend) : StoreTests<TBackend>(backend)
    where TBackend : StoreBackend
{
    [StoreFact]
    public async Task Run_StartThenFinish_KeepsTotalsCreditsAndApiVersions()
    {
        var runs = Get<IRunStore>();
        var started = Time.GetUtcNow();
        var id = await runs.StartAsync(RunKind.File, "contacts.csv", started, None);
        var open = await runs.GetAsync(id, None);
        var versions = new Dictionary<string, string> { ["clearbit"] = "2015-05-30", ["zoominfo"] = "enterprise" };

        var usage = new Dictionary<string, string> { ["salesforce"] = "api-usage=25/15000" };
        await runs.FinishAsync(id, new RunTotals(1000, 700, 250, 40, 10, 12.345m, versions) { CrmUsage = usage }, started.AddMinutes(3), None);
        var done = await runs.GetAsync(id, None);

        open.ShouldNotBeNull();
        open.FinishedAt.ShouldBeNull();
        open.SeenAt.ShouldBeNull();
        open.Kind.ShouldBe(RunKind.File);
        open.InputName.ShouldBe("contacts.csv");
        open.StartedAt.ShouldBe(started);
        done!.FinishedAt.ShouldBe(started.AddMinutes(3));
        done.Totals.Rows.ShouldBe(1000);
        done.Totals.Matched.ShouldBe(700);
        done.Totals.Unmatched.ShouldBe(250);
        done.Totals.Rejected.ShouldBe(40);
        done.Totals.Failed.ShouldBe(10);
        done.Totals.FailureRate.ShouldBe(0.01);
        done.Totals.CreditsSpent.ShouldBe(12.345m);
        done.Totals.ApiVersions.ShouldBe(versions, ignoreOrder: true);
        done.Totals.CrmUsage.ShouldBe(usage, ignoreOrder: true);
        (await runs.GetAsync("unknown", None)).ShouldBeNull();
    }

    [StoreFact]
    public async Task Progress_KeepsTheCountsSoFar_UntilTheRunFinishes()
    {
        var runs = Get<IRunStore>();
        var started = Time.GetUtcNow();
        var versions = new Dictionary<string, string> { ["clearbit"] = "2015-05-30" };
        var id = await runs.StartAsync(RunKind.Pipeline, "hubspot", started, None);

        await runs.ReportProgressAsync(id, new RunTotals(10, 8, 2, 0, 0, 1.5m, versions), started.AddSeconds(15), None);
        var running = await runs.GetAsync(id, None);
        await runs.FinishAsync(id, new RunTotals(20, 15, 4, 0, 1, 3m, versions), started.AddSeconds(20), None);
        await runs.ReportProgressAsync(id, new RunTotals(11, 9, 2, 0, 0, 1.6m, versions), started.AddSeconds(30), None);
        var done = await runs.GetAsync(id, None);

        running!.FinishedAt.ShouldBeNull();
        running.SeenAt.ShouldBe(started.AddSeconds(15));
        running.Totals.Rows.ShouldBe(10);
        running.Totals.Matched.ShouldBe(8);
        running.Totals.CreditsSpent.ShouldBe(1.5m);
        done!.FinishedAt.ShouldBe(started.AddSeconds(20));
        done.SeenAt.ShouldBe(started.AddSeconds(15), "a report after the finish changes nothing");
        done.Totals.Rows.ShouldBe(20);
        done.Totals.Failed.ShouldBe(1);
    }

    [StoreFact]
    public async Task Runs_ListRecent_NewestFirst()
    {
        var runs = Get<IRunStore>();
        var at = Time.GetUtcNow();
        var first = await runs.StartAsync(RunKind.File, "a.csv", at, None);
        var second = await runs.StartAsync(RunKind.Job, "job-1", at.AddMinutes(1), None);
        var third = await runs.StartAsync(RunKind.Pipeline, "hubspot", at.AddMinutes(2), None);

        var recent = await runs.ListRecentAsync(2, None);

        recent.Select(r => r.Id).ShouldBe([third, second]);
        recent.Select(r => r.Kind).ShouldBe([RunKind.Pipeline, RunKind.Job]);
        first.ShouldNotBe(second);
    }
}

public sealed class SqliteRunStoreTests(SqliteStoreBackend backend) : RunStoreConformanceTests<SqliteStoreBackend>(backend);

[RequiresPostgres]
public sealed class PostgresRunStoreTests(PostgresStoreBackend backend) : RunStoreConformanceTests<PostgresStoreBackend>(backend);
