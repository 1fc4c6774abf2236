using Microsoft.Extensions.DependencyInjection;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Storage;

/// <summary>Bulk jobs: records kept, one server at a time, results counted once, callbacks tracked.</summary>
public abstract class JobStoreConformanceTests<TBackend>(TBackend backend) : StoreTests<TBackend>(backend)
    where TBackend : StoreBackend
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private async Task<NewJob> CreateAsync(string id, int records, string? callbackUrl = null)
    {
        var job = new NewJob(id, Time.GetUtcNow(), """{"mode":"parallel"}""", callbackUrl, [.. Enumerable.Range(0, records).Select(i => $$"""{"email":"p{{i}}@acme.com"}""")]);
        await Get<IJobStore>().CreateAsync(job, None);
        return job;
    }

    [StoreFact]
    public async Task Create_KeepsTheJobQueuedWithItsRecordsInOrder()
    {
        var jobs = Get<IJobStore>();
        var job = await CreateAsync("job-1", 1200);

        var snapshot = await jobs.GetAsync("job-1", None);
        var pending = await jobs.ReadPendingRecordsAsync("job-1", None).ToListAsync();

        snapshot.ShouldNotBeNull();
        snapshot.State.ShouldBe(JobState.Queued);
        snapshot.Counts.ShouldBe(new JobCounts(1200, 0, 0, 0, 0, 0));
        snapshot.Options.ShouldBe(job.Options);
        snapshot.CreatedAt.ShouldBe(job.CreatedAt);
        snapshot.StartedAt.ShouldBeNull();
        snapshot.CallbackState.ShouldBe(CallbackState.None);
        pending.Select(r => r.Index).ShouldBe(Enumerable.Range(0, 1200));
        pending[1199].Json.ShouldBe(job.Records[1199]);
        (await jobs.ListUnfinishedAsync(None)).ShouldBe(["job-1"]);
        (await jobs.GetAsync("job-unknown", None)).ShouldBeNull();
    }

    [StoreFact]
    public async Task Claim_OneServerAtATime_UntilTheLeaseRunsOutOrItIsReleased()
    {
        var jobs = Get<IJobStore>();
        await CreateAsync("job-2", 3);
        var now = Time.GetUtcNow();

        var a = await jobs.TryClaimAsync("job-2", "server-a", now, Lease, None);
        var b = await jobs.TryClaimAsync("job-2", "server-b", now.AddSeconds(30), Lease, None);
        var aAgain = await jobs.TryClaimAsync("job-2", "server-a", now.AddSeconds(30), Lease, None);
        var bAfterLease = await jobs.TryClaimAsync("job-2", "server-b", now.AddMinutes(2), Lease, None);
        await jobs.ReleaseAsync("job-2", "server-b", None);
        var aAfterRelease = await jobs.TryClaimAsync("job-2", "server-a", now.AddMinutes(2), Lease, None);
        var snapshot = await jobs.GetAsync("job-2", None);

        (a, b, aAgain, bAfterLease, aAfterRelease).ShouldBe((true, false, true, true, true));
        snapshot!.State.ShouldBe(JobState.Running);
        snapshot.StartedAt.ShouldBe(now);
    }

    [StoreFact]
    public async Task Claim_ManyServersAtOnce_ExactlyOneWins()
    {
        await CreateAsync("job-race", 1);
        var now = Time.GetUtcNow();
        var servers = Enumerable.Range(0, 4).Select(_ => Backend.NewNode().GetRequiredService<IJobStore>()).ToArray();

        var wins = await Task.WhenAll(servers.Select((s, i) => Task.Run(() => s.TryClaimAsync("job-race", $"server-{i}", now, Lease, None))));

        wins.Count(w => w).ShouldBe(1);
    }

    [StoreFact]
    public async Task SaveResults_CountsEachRecordOnce_AndPendingShrinks()
    {
        var jobs = Get<IJobStore>();
        await CreateAsync("job-3", 5);
        await jobs.TryClaimAsync("job-3", "server-a", Time.GetUtcNow(), Lease, None);

        await jobs.SaveResultsAsync("job-3", "server-a", [
            new JobRecordResult(0, RecordOutcome.Matched, """{"i":0}"""),
            new JobRecordResult(1, RecordOutcome.Unmatched, """{"i":1}"""),
            new JobRecordResult(2, RecordOutcome.Rejected, """{"i":2}"""),
        ], Time.GetUtcNow() + Lease, None);
        await jobs.SaveResultsAsync("job-3", "server-a", [
            new JobRecordResult(2, RecordOutcome.Matched, """{"i":"again"}"""),
            new JobRecordResult(3, RecordOutcome.Failed, """{"i":3}"""),
        ], Time.GetUtcNow() + Lease, None);
        var pending = await jobs.ReadPendingRecordsAsync("job-3", None).ToListAsync();
        var results = await jobs.ReadResultsAsync("job-3", None).ToListAsync();
        var snapshot = await jobs.GetAsync("job-3", None);

        snapshot!.Counts.ShouldBe(new JobCounts(5, 4, 1, 1, 1, 1));
        pending.Select(r => r.Index).ShouldBe([4]);
        results.ShouldBe(["""{"i":0}""", """{"i":1}""", """{"i":2}""", """{"i":3}"""]);
    }

    [StoreFact]
    public async Task AServerThatStalledPastItsLease_LearnsItLostTheJob_AndCannotFinishIt()
    {
        var jobs = Get<IJobStore>();
        await CreateAsync("job-6", 3, "https://example.test/done");
        await jobs.TryClaimAsync("job-6", "server-a", Time.GetUtcNow(), Lease, None);
        var whileHeld = await jobs.SaveResultsAsync("job-6", "server-a", [new JobRecordResult(0, RecordOutcome.Matched, """{"i":0}""")], Time.GetUtcNow() + Lease, None);

        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        (await jobs.TryClaimAsync("job-6", "server-b", Time.GetUtcNow(), Lease, None)).ShouldBeTrue();
        var afterTakeover = await jobs.SaveResultsAsync("job-6", "server-a", [new JobRecordResult(1, RecordOutcome.Matched, """{"i":1}""")], Time.GetUtcNow() + Lease, None);
        var staleFinish = await jobs.FinishAsync("job-6", "server-a", JobState.Completed, null, Time.GetUtcNow(), None);
        var stillRunning = await jobs.GetAsync("job-6", None);
        var finish = await jobs.FinishAsync("job-6", "server-b", JobState.Completed, null, Time.GetUtcNow(), None);
        var finishedTwice = await jobs.FinishAsync("job-6", "server-b", JobState.Completed, null, Time.GetUtcNow(), None);

        whileHeld.ShouldBeTrue();
        afterTakeover.ShouldBeFalse();
        staleFinish.ShouldBeFalse();
        stillRunning!.State.ShouldBe(JobState.Running);
        finish.ShouldBeTrue();
        finishedTwice.ShouldBeFalse();
        (await jobs.ListPendingCallbacksAsync(None)).ShouldBe(["job-6"]);
    }

    [StoreFact]
    public async Task Finish_WithACallbackUrl_MakesTheCallbackPendingUntilRecorded()
    {
        var jobs = Get<IJobStore>();
        await CreateAsync("job-4", 1, "https://example.test/done");
        await CreateAsync("job-5", 1);
        var finished = Time.GetUtcNow().AddMinutes(5);

        await jobs.TryClaimAsync("job-4", "server-a", Time.GetUtcNow(), Lease, None);
        await jobs.TryClaimAsync("job-5", "server-a", Time.GetUtcNow(), Lease, None);
        await jobs.FinishAsync("job-4", "server-a", JobState.Completed, null, finished, None);
        await jobs.FinishAsync("job-5", "server-a", JobState.Failed, "provider credentials rejected", finished, None);
        var pending = await jobs.ListPendingCallbacksAsync(None);
        await jobs.RecordCallbackAsync("job-4", CallbackState.Delivered, 2, None);
        var four = await jobs.GetAsync("job-4", None);
        var five = await jobs.GetAsync("job-5", None);

        pending.ShouldBe(["job-4"]);
        (await jobs.ListPendingCallbacksAsync(None)).ShouldBeEmpty();
        (await jobs.ListUnfinishedAsync(None)).ShouldBeEmpty();
        four!.State.ShouldBe(JobState.Completed);
        four.FinishedAt.ShouldBe(finished);
        four.CallbackUrl.ShouldBe("https://example.test/done");
        (four.CallbackState, four.CallbackAttempts).ShouldBe((CallbackState.Delivered, 2));
        five!.State.ShouldBe(JobState.Failed);
        five.Error.ShouldBe("provider credentials rejected");
        five.CallbackState.ShouldBe(CallbackState.None);
    }
}

public sealed class SqliteJobStoreTests(SqliteStoreBackend backend) : JobStoreConformanceTests<SqliteStoreBackend>(backend);

[RequiresPostgres]
public sealed class PostgresJobStoreTests(PostgresStoreBackend backend) : JobStoreConformanceTests<PostgresStoreBackend>(backend);
