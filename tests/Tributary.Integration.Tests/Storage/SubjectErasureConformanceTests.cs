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

    [StoreFact]
    public async Task Erase_OfAPhone_RemovesTraitsHoldingIt_AndProfilesItLeavesWithoutAnIdentifier_AndMarksTheOthersChanged()
    {
        var graph = Get<IIdentityGraph>();
        var at = Time.GetUtcNow();
        var phone = new IdentityKey("phone", "hash");
        await CreateAsync(graph, "prof-note", """{"note":"alt phone +14152220123","tier":"gold"}""", new IdentityKey("userId", "u-1"));
        await CreateAsync(graph, "prof-typed", """{"contact":{"phones":["(415) 222-0123"]}}""", new IdentityKey("userId", "u-2"), phone);
        await CreateAsync(graph, "prof-phone-only", """{"name":"Carol Bbtest","company":"Kappa"}""", phone, new IdentityKey("nameCompany", "nc-1"));
        await CreateAsync(graph, "prof-other", """{"note":"+14155550100"}""", new IdentityKey("userId", "u-3"));

        // The clock has not moved since the profiles were written: a change must still read as a newer version.
        var counts = await Get<ISubjectErasure>().EraseAsync(Subject("phone", Phone, ["(415) 222-0123", "4152220123"]), None);

        (counts.Traits, counts.Profiles, counts.IdentityLinks).ShouldBe((2, 1, 3), "two trait members; the phone-only profile with its phone and name + company links, and the other profile's phone link");
        var note = (await graph.GetProfileAsync("prof-note", None)).ShouldNotBeNull();
        note.Traits.ShouldNotContain("222");
        note.Traits.ShouldContain("gold");
        note.UpdatedAt.ShouldBeGreaterThan(at);
        var typed = (await graph.GetProfileAsync("prof-typed", None)).ShouldNotBeNull();
        typed.Traits.ShouldNotContain("222");
        typed.UpdatedAt.ShouldBeGreaterThan(at);
        (await graph.ListLinksAsync("prof-typed", None)).Select(l => l.Key.Type).ShouldBe(["userId"]);
        (await graph.GetProfileAsync("prof-phone-only", None)).ShouldBeNull();
        (await graph.ListLinksAsync("prof-phone-only", None)).ShouldBeEmpty();
        var other = (await graph.GetProfileAsync("prof-other", None)).ShouldNotBeNull();
        (other.Traits.Contains("14155550100", StringComparison.Ordinal), other.UpdatedAt).ShouldBe((true, at));
    }

    [StoreFact]
    public async Task Erase_OfAPhone_FindsItInJobRecordsAndStagedPayloads_HoweverTheCallerWroteIt()
    {
        var at = Time.GetUtcNow();
        string[] written = ["(415) 222-0123", "415.222.0123", "+1 415 222 0123", "4152220123", "+1-415-222-0123", "1 (415) 222 0123"];
        var jobs = Get<IJobStore>();
        await jobs.CreateAsync(new NewJob("job-p", at, "{}", null, [.. written.Select(Record), Record("+14155550100")]), None);
        await Get<IStagingQueue>().StageAsync(
            [new StagedRecord("none", "s-1", """{"note":"call back on (415) 222-0123"}"""), new StagedRecord("none", "s-2", """{"note":"call back on (415) 555-0100"}""")], None);

        var counts = await Get<ISubjectErasure>().EraseAsync(Subject("phone", Phone, ["4152220123", "(415) 222-0123", "+1 415-222-0123"]), None);

        (counts.JobRecords, counts.Staging).ShouldBe((written.Length, 1));
        (await Get<IStagingQueue>().CountAsync(None)).ShouldBe(1, "another number's record stays");

        static string Record(string phone) => JsonSerializer.Serialize(new Dictionary<string, string> { ["phone"] = phone });
    }

    [StoreFact]
    public async Task Erase_OfAPhone_KeepsAnotherProfilesPendingOutcome_WithoutTheSummaryThatNamesIt()
    {
        await Get<IStagingQueue>().StageAsync(
        [
            new StagedRecord(OutcomeSource, "conv-1", """{"interactionId":"conv-1","profileId":"someone-else","disposition":"resolved","summary":"call back on +1 (415) 222-0123"}"""),
            new StagedRecord(OutcomeSource, "conv-2", """{"interactionId":"conv-2","profileId":"someone-else","disposition":"resolved","summary":"all good"}"""),
        ], None);

        var counts = await Get<ISubjectErasure>().EraseAsync(Subject("phone", Phone, ["4152220123", "(415) 222-0123"]), None);
        var claim = await Get<IStagingQueue>().ClaimAsync(10, TimeSpan.FromMinutes(1), None);
        var kept = claim.Records.ToDictionary(r => r.RecordId, r => JsonDocument.Parse(r.Payload).RootElement);

        (counts.Outcomes, counts.Staging).ShouldBe((1, 0));
        kept.Keys.Order().ShouldBe(["conv-1", "conv-2"]);
        kept["conv-1"].GetProperty("summary").ValueKind.ShouldBe(JsonValueKind.Null);
        kept["conv-1"].GetProperty("disposition").GetString().ShouldBe("resolved");
        kept["conv-2"].GetProperty("summary").GetString().ShouldBe("all good");
    }

    [StoreFact]
    public async Task Erase_OfAPhone_RemovesTraitsSpellingItWithSeparators()
    {
        var graph = Get<IIdentityGraph>();
        var key = new IdentityKey("userId", "U-77");
        var traits = """{"a":"note 415-222-0123 end","b":"1.415.222.0123","c":"(415)222-0123","d":"415 2220123","e":"keep 415-555-0100"}""";
        var change = new IdentityChange("prof-77", Create: true, [], [new NewIdentityLink(key, "U-77")], [], traits, Time.GetUtcNow());
        await graph.UpdateAsync([key], _ => ((IdentityChange?)change, true), None);

        var counts = await Get<ISubjectErasure>().EraseAsync(Subject("phone", Phone, ["4152220123", "(415) 222-0123"]), None);
        var profile = await graph.GetProfileAsync("prof-77", None);

        counts.Traits.ShouldBe(4);
        profile.ShouldNotBeNull();
        JsonDocument.Parse(profile.Traits).RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["e"]);
    }

    [StoreFact]
    public async Task Erase_OfAnEmail_RemovesTheProfileWhoseCdpUserIdIsThatEmail()
    {
        var graph = Get<IIdentityGraph>();
        var userId = new IdentityKey("userId", "Ua.User@Example.com");
        var change = new IdentityChange("prof-uid", Create: true, [], [new NewIdentityLink(userId, "Ua.User@Example.com")], [], """{"name":"U A"}""", Time.GetUtcNow());
        await graph.UpdateAsync([userId], _ => ((IdentityChange?)change, true), None);

        var counts = await Get<ISubjectErasure>().EraseAsync(Subject("email", "ua.user@example.com", ["Ua.User@Example.com"]), None);

        (counts.Profiles, counts.IdentityLinks).ShouldBe((1, 1));
        (await graph.GetProfileAsync("prof-uid", None)).ShouldBeNull();
    }

    private Task<bool> CreateAsync(IIdentityGraph graph, string id, string traits, params IdentityKey[] keys)
    {
        var change = new IdentityChange(id, Create: true, [], [.. keys.Select(k => new NewIdentityLink(k, null))], [], traits, Time.GetUtcNow());
        return graph.UpdateAsync(keys, _ => ((IdentityChange?)change, true), None);
    }

    private SubjectErasure Subject(string type, string value, IReadOnlyList<string> spellings) =>
        new(type, value, ["hash"], [], OutcomeSource, spellings, ["email", "phone", "crmId", "userId"], Time.GetUtcNow());

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

        var counts = await Get<ISubjectErasure>().EraseAsync(Subject(type, value, []), None);
        var again = await Get<ISubjectErasure>().EraseAsync(Subject(type, value, []), None);

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
