using Tributary.Storage;

namespace Tributary.IntegrationTests.Storage;

/// <summary>The pipeline's write-back journal and dead letters.</summary>
public abstract class WriteBackStoresConformanceTests<TBackend>(TBackend backend) : StoreTests<TBackend>(backend)
    where TBackend : StoreBackend
{
    [StoreFact]
    public async Task Journal_RecordsEntriesInOrder_AndMarksThemPerRecord()
    {
        var journal = Get<IWriteBackJournal>();
        var at = Time.GetUtcNow();
        JournalEntry Entry(string run, string record, string field, string? old) =>
            new(run, "hubspot", record, "contact", field, old, "new " + field, "clearbit", 0.9, JournalState.Pending, at);

        await journal.RecordAsync([Entry("r1", "1", "jobtitle", null), Entry("r1", "1", "company", "Old Co"), Entry("r1", "2", "city", null)], None);
        await journal.RecordAsync([Entry("r2", "1", "jobtitle", null)], None);
        await journal.MarkAsync("r1", "hubspot", ["1"], JournalState.Written, None);
        await journal.MarkAsync("r1", "salesforce", ["2"], JournalState.Failed, None);
        var run1 = await journal.ListAsync("r1", None);
        var run2 = await journal.ListAsync("r2", None);

        run1.Select(e => (e.RecordId, e.Field, e.OldValue, e.State)).ShouldBe(
        [
            ("1", "jobtitle", null, JournalState.Written),
            ("1", "company", "Old Co", JournalState.Written),
            ("2", "city", null, JournalState.Pending),
        ]);
        run1[0].ShouldBe(Entry("r1", "1", "jobtitle", null) with { State = JournalState.Written });
        run2.Single().State.ShouldBe(JournalState.Pending);
        (await journal.ListAsync("unknown", None)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task Journal_AnAttemptsOutcomeSettlesOnlyItsOwnPendingEntries_AndRollbackOnlyWhatWasWrittenOrSent()
    {
        var journal = Get<IWriteBackJournal>();
        var at = Time.GetUtcNow();
        JournalEntry Entry(string field) => new("r1", "hubspot", "7", "contact", field, null, "new " + field, "clearbit", 0.9, JournalState.Pending, at);

        // Three attempts at one record in one run: refused, confirmed, then refused again.
        await journal.RecordAsync([Entry("jobtitle")], None);
        await journal.MarkAsync("r1", "hubspot", ["7"], JournalState.Failed, None);
        await journal.RecordAsync([Entry("phone")], None);
        await journal.MarkAsync("r1", "hubspot", ["7"], JournalState.Written, None);
        await journal.RecordAsync([Entry("city")], None);
        await journal.MarkAsync("r1", "hubspot", ["7"], JournalState.Failed, None);
        var attempts = await journal.ListAsync("r1", None);
        await journal.MarkAsync("r1", "hubspot", ["7"], JournalState.RolledBack, None);
        var rolledBack = await journal.ListAsync("r1", None);

        attempts.Select(e => (e.Field, e.State)).ShouldBe([("jobtitle", JournalState.Failed), ("phone", JournalState.Written), ("city", JournalState.Failed)]);
        rolledBack.Select(e => (e.Field, e.State)).ShouldBe([("jobtitle", JournalState.Failed), ("phone", JournalState.RolledBack), ("city", JournalState.Failed)]);
    }

    [StoreFact]
    public async Task Journal_KeepsEveryValueAsGiven()
    {
        var journal = Get<IWriteBackJournal>();
        var at = Time.GetUtcNow();
        JournalEntry[] entries =
        [
            new("r1", "hubspot", "1", "contact", "company", "O'Brien \"&\" Söhne <GmbH>", "Zoë's\nnew line\t😀 \\ / \u0001", "clearbit", 1, JournalState.Pending, at),
            new("r1", "hubspot", "2", "contact", "jobtitle", "", "[1,2]", "zoominfo", 0.123456789012345, JournalState.Pending, at.AddMilliseconds(1)),
            new("r1", "hubspot", "3", "contact", "city", null, "{\"a\":null}", "apollo", 0, JournalState.Pending, at),
        ];

        await journal.RecordAsync(entries, None);
        await journal.MarkAsync("r1", "hubspot", ["2", "3", "9"], JournalState.Written, None);

        (await journal.ListAsync("r1", None)).ShouldBe(
            [entries[0], entries[1] with { State = JournalState.Written }, entries[2] with { State = JournalState.Written }]);
    }

    [StoreFact]
    public async Task DeadLetters_AddListGetRemove_AndTheSameItemReplacesItsRow()
    {
        var store = Get<IDeadLetterStore>();
        var at = Time.GetUtcNow();
        var first = new NewDeadLetter("pipeline", "hubspot", "101", """{"crmId":"101"}""", "server_error", 5, at);

        await store.AddAsync(first, None);
        await store.AddAsync(first with { RecordId = "102", FailedAt = at.AddSeconds(1) }, None);
        await store.AddAsync(first with { Reason = "validation_error", Attempts = 6, FailedAt = at.AddSeconds(2) }, None);
        var listed = await store.ListAsync(10, None);

        listed.Select(l => (l.Letter.RecordId, l.Letter.Reason, l.Letter.Attempts)).ShouldBe([("101", "validation_error", 6), ("102", "server_error", 5)]);
        (await store.CountAsync(None)).ShouldBe(2);
        (await store.GetAsync(listed[1].Id, None))!.Letter.ShouldBe(first with { RecordId = "102", FailedAt = at.AddSeconds(1) });
        (await store.RemoveAsync(listed[0].Id, None)).ShouldBeTrue();
        (await store.RemoveAsync(listed[0].Id, None)).ShouldBeFalse();
        (await store.GetAsync(listed[0].Id, None)).ShouldBeNull();
        (await store.CountAsync(None)).ShouldBe(1);
    }
}

public sealed class SqliteWriteBackStoresTests(SqliteStoreBackend backend) : WriteBackStoresConformanceTests<SqliteStoreBackend>(backend);

[RequiresPostgres]
public sealed class PostgresWriteBackStoresTests(PostgresStoreBackend backend) : WriteBackStoresConformanceTests<PostgresStoreBackend>(backend);
