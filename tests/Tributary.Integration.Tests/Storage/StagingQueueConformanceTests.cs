using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Storage;

/// <summary>The pipeline's staging queue: claims under a lease, release, expiry, deletion after write-back, concurrency.</summary>
public abstract class StagingQueueConformanceTests<TBackend>(TBackend backend) : StoreTests<TBackend>(backend)
    where TBackend : StoreBackend
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static StagedRecord Record(int i, string payload = """{"email":"a@b.c"}""") => new("hubspot", $"c-{i}", payload);

    [StoreFact]
    public async Task Claim_TakesTheOldestFreeRecords_AndNeverTheSameTwice()
    {
        var queue = Get<IStagingQueue>();
        await queue.StageAsync([.. Enumerable.Range(1, 5).Select(i => Record(i))], None);

        var first = await queue.ClaimAsync(3, Lease, None);
        var second = await queue.ClaimAsync(3, Lease, None);
        var third = await queue.ClaimAsync(3, Lease, None);

        first.Records.Select(r => r.RecordId).ShouldBe(["c-1", "c-2", "c-3"]);
        first.Records.ShouldAllBe(r => r.Attempts == 1 && r.Version == 1 && r.SourceSystem == "hubspot" && r.Payload == """{"email":"a@b.c"}""");
        first.LeaseExpiresAt.ShouldBe(Time.GetUtcNow() + Lease);
        second.Records.Select(r => r.RecordId).ShouldBe(["c-4", "c-5"]);
        second.Token.ShouldNotBe(first.Token);
        third.Records.ShouldBeEmpty();
        (await queue.CountAsync(None)).ShouldBe(5);
    }

    [StoreFact]
    public async Task Release_MakesRecordsClaimableAgain()
    {
        var queue = Get<IStagingQueue>();
        await queue.StageAsync([Record(1), Record(2)], None);
        var claim = await queue.ClaimAsync(10, Lease, None);

        var released = await queue.ReleaseAsync(claim.Token, [claim.Records[1]], None);
        var again = await queue.ClaimAsync(10, Lease, None);
        var byAnotherToken = await queue.ReleaseAsync(Guid.NewGuid(), claim.Records, None);

        released.ShouldBe(1);
        again.Records.Select(r => (r.RecordId, r.Attempts)).ShouldBe([("c-2", 2)]);
        byAnotherToken.ShouldBe(0);
    }

    [StoreFact]
    public async Task ExpiredLease_MakesRecordsClaimableAgain_AndTheOldClaimLosesThem()
    {
        var queue = Get<IStagingQueue>();
        await queue.StageAsync([Record(1)], None);
        var abandoned = await queue.ClaimAsync(10, Lease, None);

        Time.Advance(Lease - TimeSpan.FromSeconds(1));
        var tooEarly = await queue.ClaimAsync(10, Lease, None);
        Time.Advance(TimeSpan.FromSeconds(1));
        var takenOver = await queue.ClaimAsync(10, Lease, None);
        var lateDelete = await queue.DeleteAsync(abandoned.Token, abandoned.Records, None);

        tooEarly.Records.ShouldBeEmpty();
        takenOver.Records.Select(r => (r.RecordId, r.Attempts)).ShouldBe([("c-1", 2)]);
        lateDelete.ShouldBe(0);
        (await queue.CountAsync(None)).ShouldBe(1);
    }

    [StoreFact]
    public async Task Extend_KeepsTheRecordsPastTheFirstLease()
    {
        var queue = Get<IStagingQueue>();
        await queue.StageAsync([Record(1), Record(2)], None);
        var claim = await queue.ClaimAsync(10, Lease, None);

        Time.Advance(TimeSpan.FromMinutes(4));
        var extended = await queue.ExtendAsync(claim.Token, Lease, None);
        Time.Advance(TimeSpan.FromMinutes(4));
        var other = await queue.ClaimAsync(10, Lease, None);

        extended.ShouldBe(2);
        other.Records.ShouldBeEmpty();
        (await queue.ExtendAsync(Guid.NewGuid(), Lease, None)).ShouldBe(0);
    }

    [StoreFact]
    public async Task Hold_AnswersOnlyTheRecordsTheClaimStillHolds_AndExtendsTheirLease()
    {
        var queue = Get<IStagingQueue>();
        await queue.StageAsync([Record(1), Record(2)], None);
        var stalled = await queue.ClaimAsync(10, Lease, None);

        // The first record's lease runs out while the claim stalls, and another worker takes it over.
        Time.Advance(Lease);
        var takenOver = await queue.ClaimAsync(1, Lease, None);
        var held = await queue.HoldAsync(stalled.Token, stalled.Records, Lease, None);
        Time.Advance(Lease - TimeSpan.FromSeconds(1));
        var whileHeld = await queue.ClaimAsync(10, Lease, None);

        takenOver.Records.Select(r => r.RecordId).ShouldBe(["c-1"]);
        held.Select(r => r.RecordId).ShouldBe(["c-2"]);
        whileHeld.Records.ShouldBeEmpty();
        (await queue.HoldAsync(Guid.NewGuid(), stalled.Records, Lease, None)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task Delete_AfterConfirmedWriteBack_RemovesOnlyTheHeldRecords()
    {
        var queue = Get<IStagingQueue>();
        await queue.StageAsync([Record(1), Record(2), Record(3)], None);
        var claim = await queue.ClaimAsync(2, Lease, None);

        var wrongToken = await queue.DeleteAsync(Guid.NewGuid(), claim.Records, None);
        var deleted = await queue.DeleteAsync(claim.Token, claim.Records, None);
        var rest = await queue.ClaimAsync(10, Lease, None);

        wrongToken.ShouldBe(0);
        deleted.ShouldBe(2);
        rest.Records.Select(r => r.RecordId).ShouldBe(["c-3"]);
        (await queue.CountAsync(None)).ShouldBe(1);
    }

    [StoreFact]
    public async Task StagedAgainWhileClaimed_IsNotDeleted_ButProcessedAgainWithTheNewPayload()
    {
        var queue = Get<IStagingQueue>();
        await queue.StageAsync([Record(1, """{"v":1}""")], None);
        var claim = await queue.ClaimAsync(10, Lease, None);

        await queue.StageAsync([Record(1, """{"v":2}""")], None);
        var deleted = await queue.DeleteAsync(claim.Token, claim.Records, None);
        var next = await queue.ClaimAsync(10, Lease, None);

        deleted.ShouldBe(0);
        next.Records.Single().Payload.ShouldBe("""{"v":2}""");
        next.Records.Single().Version.ShouldBe(2);
        (await queue.DeleteAsync(next.Token, next.Records, None)).ShouldBe(1);
        (await queue.CountAsync(None)).ShouldBe(0);
    }

    [StoreFact]
    public async Task Stage_SameRecordTwiceInABatch_KeepsTheLastPayload()
    {
        var queue = Get<IStagingQueue>();

        await queue.StageAsync([Record(1, """{"v":1}"""), Record(2), Record(1, """{"v":3}""")], None);
        var claim = await queue.ClaimAsync(10, Lease, None);

        claim.Records.Select(r => (r.RecordId, r.Payload)).ShouldBe([("c-1", """{"v":3}"""), ("c-2", """{"email":"a@b.c"}""")]);
    }

    [StoreFact]
    public async Task Stage_PayloadThatIsNotJson_IsRefused()
    {
        var queue = Get<IStagingQueue>();

        await Should.ThrowAsync<DbException>(() => queue.StageAsync([Record(1, "{not json")], None));
        (await queue.CountAsync(None)).ShouldBe(0);
    }

    [StoreFact]
    public async Task Defer_HidesRecordsUntilTheirTime_AndCountsTheAttemptOnlyWhenAsked()
    {
        var queue = Get<IStagingQueue>();
        await queue.StageAsync([Record(1), Record(2)], None);
        var claim = await queue.ClaimAsync(10, Lease, None);

        var deferred = await queue.DeferAsync(claim.Token, [claim.Records[0]], Time.GetUtcNow().AddSeconds(30), countAttempt: true, None);
        await queue.DeferAsync(claim.Token, [claim.Records[1]], Time.GetUtcNow().AddSeconds(60), countAttempt: false, None);
        var tooEarly = await queue.ClaimAsync(10, Lease, None);
        Time.Advance(TimeSpan.FromSeconds(30));
        var first = await queue.ClaimAsync(10, Lease, None);
        Time.Advance(TimeSpan.FromSeconds(30));
        var second = await queue.ClaimAsync(10, Lease, None);

        deferred.ShouldBe(1);
        tooEarly.Records.ShouldBeEmpty();
        first.Records.Select(r => (r.RecordId, r.Attempts)).ShouldBe([("c-1", 2)]);
        second.Records.Select(r => (r.RecordId, r.Attempts)).ShouldBe([("c-2", 1)]);
    }

    [StoreFact]
    public async Task Claim_BySource_TakesOnlyThoseSources_AndCountBySource_CountsThem()
    {
        var queue = Get<IStagingQueue>();
        await queue.StageAsync([Record(1), new StagedRecord("genesys", "evt-1", "{}"), Record(2)], None);

        var events = await queue.ClaimAsync(10, Lease, ["genesys"], None);
        var crm = await queue.ClaimAsync(10, Lease, ["hubspot", "none"], None);

        events.Records.Select(r => r.RecordId).ShouldBe(["evt-1"]);
        crm.Records.Select(r => r.RecordId).ShouldBe(["c-1", "c-2"]);
        (await queue.CountAsync(["genesys"], None)).ShouldBe(1);
        (await queue.CountAsync(["salesforce"], None)).ShouldBe(0);
        (await queue.CountAsync(None)).ShouldBe(3);
    }

    [StoreFact]
    public async Task StageNotBefore_HoldsTheRecord_AndLaterStagingsReplaceItsPayloadWithoutMovingIt()
    {
        var queue = Get<IStagingQueue>();
        var window = Time.GetUtcNow().AddSeconds(10);
        await queue.StageAsync([Record(1, """{"v":1}""")], window, None);
        Time.Advance(TimeSpan.FromSeconds(5));
        await queue.StageAsync([Record(1, """{"v":2}""")], Time.GetUtcNow().AddSeconds(10), None);

        var early = await queue.ClaimAsync(10, Lease, None);
        Time.Advance(TimeSpan.FromSeconds(5));
        var due = await queue.ClaimAsync(10, Lease, None);

        early.Records.ShouldBeEmpty();
        due.Records.Single().Payload.ShouldBe("""{"v":2}""");
        due.Records.Single().Version.ShouldBe(2);
    }

    [StoreFact]
    public async Task StageOnce_ADelivery_StagesEachNewEventOnce_AndAnswersPerEvent()
    {
        var queue = Get<IStagingQueue>();
        var retention = TimeSpan.FromDays(7);

        var first = await queue.StageOnceAsync("hubspot", retention, [new OnceStaged("d-1", [Record(1)]), new OnceStaged("d-2", [Record(2)]), new OnceStaged("d-1", [Record(3)])], None);
        var replay = await queue.StageOnceAsync("hubspot", retention, [new OnceStaged("d-2", [Record(4)]), new OnceStaged("d-5", [Record(5)])], None);

        first.ShouldBe([true, true, false]);
        replay.ShouldBe([false, true]);
        (await queue.ClaimAsync(10, Lease, None)).Records.Select(r => r.RecordId).Order().ShouldBe(["c-1", "c-2", "c-5"]);
    }

    [StoreFact]
    public async Task StageOnce_StagesAnEventOnce_SharesItsKeyWithIdempotencyKeys_AndAgainAfterRetention()
    {
        var queue = Get<IStagingQueue>();
        var retention = TimeSpan.FromDays(7);

        var first = await queue.StageOnceAsync("hubspot", "evt-1", retention, [Record(1)], None);
        var replay = await queue.StageOnceAsync("hubspot", "evt-1", retention, [Record(2)], None);
        var otherScope = await queue.StageOnceAsync("genesys", "evt-1", retention, [], None);
        var recorded = await Get<IIdempotencyKeys>().TryRecordAsync("hubspot", "evt-1", retention, None);
        Time.Advance(retention);
        var afterRetention = await queue.StageOnceAsync("hubspot", "evt-1", retention, [Record(3)], None);

        first.ShouldBeTrue();
        replay.ShouldBeFalse();
        otherScope.ShouldBeTrue();
        recorded.ShouldBeFalse();
        afterRetention.ShouldBeTrue();
        (await queue.ClaimAsync(10, Lease, None)).Records.Select(r => r.RecordId).ShouldBe(["c-1", "c-3"]);
    }

    [StoreFact]
    public async Task StageOnce_ConcurrentDeliveriesOfOneEvent_StageItOnce()
    {
        var nodes = Enumerable.Range(0, 4).Select(_ => Backend.NewNode().GetRequiredService<IStagingQueue>()).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => nodes[i % nodes.Length].StageOnceAsync("salesforce", "tx-race", TimeSpan.FromDays(1), [Record(i)], None))));

        results.Count(r => r).ShouldBe(1);
        (await Get<IStagingQueue>().CountAsync(None)).ShouldBe(1);
    }

    [StoreFact]
    public async Task FourConcurrentClaimers_ClaimEveryRecordExactlyOnce()
    {
        await Get<IStagingQueue>().StageAsync([.. Enumerable.Range(1, 200).Select(i => Record(i))], None);
        var claimed = new ConcurrentBag<string>();
        var claimers = Enumerable.Range(0, 4).Select(_ => Backend.NewNode().GetRequiredService<IStagingQueue>()).ToArray();

        await Task.WhenAll(claimers.Select(queue => Task.Run(async () =>
        {
            while ((await queue.ClaimAsync(7, Lease, None)).Records is { Count: > 0 } records)
            {
                foreach (var record in records)
                {
                    claimed.Add(record.RecordId);
                }
            }
        })));

        claimed.Count.ShouldBe(200);
        claimed.Distinct().Count().ShouldBe(200);
    }
}

public sealed class SqliteStagingQueueTests(SqliteStoreBackend backend) : StagingQueueConformanceTests<SqliteStoreBackend>(backend)
{
    /// <summary>Workers poll often and mostly find nothing; such a poll must not queue behind (or hold up) the process's writers.</summary>
    [StoreFact]
    public async Task AnEmptyPoll_DoesNotWaitForAWriteInProgress_AndWorkIsClaimedOnceItEnds()
    {
        var queue = Get<IStagingQueue>();
        await queue.StageAsync([new StagedRecord("genesys", "event-1", "{}")], None);

        await using (await Get<Tributary.Storage.Sqlite.SqliteDatabase>().OpenForWriteAsync(None))
        {
            var empty = await queue.ClaimAsync(10, TimeSpan.FromMinutes(1), ["hubspot"], None).WaitAsync(TimeSpan.FromSeconds(10));
            empty.Records.ShouldBeEmpty();
        }

        (await queue.ClaimAsync(10, TimeSpan.FromMinutes(1), ["genesys"], None)).Records.ShouldHaveSingleItem().RecordId.ShouldBe("event-1");
    }
}

[RequiresPostgres]
public sealed class PostgresStagingQueueTests(PostgresStoreBackend backend) : StagingQueueConformanceTests<PostgresStoreBackend>(backend);
