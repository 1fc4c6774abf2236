using System.Text.Json;
using Tributary.Caching;
using Tributary.Enrichment;
using Tributary.Profiles;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Storage;

/// <summary>
/// Erasure finds a subject in stored JSON however the writer escaped it: System.Text.Json's default encoder writes
/// <c>+</c> as <c>\u002B</c>, so a phone (<c>+14152220123</c>) or a plus-address (<c>mary+vip@example.com</c>) is not
/// stored as typed in staged records, job records, ledger answers or dead letters.
/// </summary>
public abstract class SubjectErasureConformanceTests<TBackend>(TBackend backend) : StoreTests<TBackend>(backend)
    where TBackend : StoreBackend
{
    private const string Phone = "+14152220123";
    private const string PlusEmail = "mary+vip@example.com";
    private const string OutcomeSource = "cdp-outcome";

    [StoreFact]
    public Task Erase_OfAPhone_FindsItWhereStoredJsonEscapesItsPlus() => EraseFindsEscapedValueAsync("phone", Phone);

    [StoreFact]
    public Task Erase_OfAPlusAddress_FindsItWhereStoredJsonEscapesItsPlus() => EraseFindsEscapedValueAsync("email", PlusEmail);

    private async Task EraseFindsEscapedValueAsync(string type, string value)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, string> { [type] = value, ["id"] = "row-1" });
        json.ShouldContain("\\u002B", Case.Sensitive, "the default encoder escapes '+'; the test is about that form");
        var at = Time.GetUtcNow();
        await Get<IStagingQueue>().StageAsync([new StagedRecord("none", "r-1", json), new StagedRecord("none", "r-2", """{"email":"other@example.com"}""")], None);
        var jobs = Get<IJobStore>();
        await jobs.CreateAsync(new NewJob("job-1", at, "{}", null, [json, """{"email":"other@example.com"}""", json]), None);
        await jobs.TryClaimAsync("job-1", "server-a", at, TimeSpan.FromMinutes(1), None);
        await jobs.SaveResultsAsync("job-1", "server-a", [
            new JobRecordResult(0, RecordOutcome.Matched, json.Replace("{", """{"index":0,""", StringComparison.Ordinal)),
            new JobRecordResult(1, RecordOutcome.Unmatched, """{"index":1,"email":"other@example.com"}"""),
        ], at.AddMinutes(1), None);
        await Get<IDeadLetterStore>().AddAsync(new NewDeadLetter("genesys", "genesys", "c-1", json, "failed", 5, at), None);
        var profile = new ProfileBuilder("zoominfo", 0.9, at).Set(type == "phone" ? ProfileFields.Phone : ProfileFields.Email, value).Build();
        var ledger = Get<ILookupLedger>();
        await ledger.RecordAsync("zoominfo:person:by-linkedin", "zoominfo", new CacheEntry(ProviderStatus.Matched, profile, 0.9, at, at.AddDays(90)), None);
        await ledger.FlushAsync(None);

        var counts = await Get<ISubjectErasure>().EraseAsync(new SubjectErasure(type, value, ["hash"], [], OutcomeSource), None);
        var again = await Get<ISubjectErasure>().EraseAsync(new SubjectErasure(type, value, ["hash"], [], OutcomeSource), None);

        (counts.Staging, counts.JobRecords, counts.DeadLetters, counts.Ledger).ShouldBe((1, 2, 1, 1));
        (again.Staging, again.JobRecords, again.DeadLetters, again.Ledger).ShouldBe((0, 0, 0, 0));
        (await Get<IStagingQueue>().CountAsync(None)).ShouldBe(1, "the other subject's record stays");
        (await ledger.FindAsync("zoominfo:person:by-linkedin", None)).ShouldBeNull();

        // A result line keeps its index (every line has one), and neither the value nor the caller's id.
        (await jobs.ReadResultsAsync("job-1", None).ToListAsync()).ShouldBe(["""{"index":0,"erased":true}""", """{"index":1,"email":"other@example.com"}"""]);
    }
}

public sealed class SqliteSubjectErasureTests(SqliteStoreBackend backend) : SubjectErasureConformanceTests<SqliteStoreBackend>(backend);

[RequiresPostgres]
public sealed class PostgresSubjectErasureTests(PostgresStoreBackend backend) : SubjectErasureConformanceTests<PostgresStoreBackend>(backend);
