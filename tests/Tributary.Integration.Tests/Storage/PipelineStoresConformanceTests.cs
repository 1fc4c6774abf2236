using Microsoft.Extensions.DependencyInjection;
using Tributary.Profiles;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Storage;

/// <summary>The pipeline's warehouse rows, unmatched records, processed keys and audit log.</summary>
public abstract class PipelineStoresConformanceTests<TBackend>(TBackend backend) : StoreTests<TBackend>(backend)
    where TBackend : StoreBackend
{
    [StoreFact]
    public async Task EnrichedContact_Upsert_StoresEveryColumn_AndReplacesByRecordId()
    {
        var store = Get<IEnrichedContactStore>();
        var at = Time.GetUtcNow();
        var contact = new EnrichedContact("crm-1", at)
        {
            CompanyName = "Acme Inc",
            EmployeeCount = 500,
            Industry = "Software",
            TechStack = ["aws", "react"],
            IntentKeywords = ["crm software"],
            LinkedInUrl = "https://linkedin.com/in/janedoe",
            FullName = "Jane Doe",
            JobTitle = "VP of Engineering",
            Seniority = "vp",
            Department = "engineering",
            EmailHash = "4f0c",
            Phone = "+14155550100",
            City = "San Francisco",
            Country = "US",
            Provenance = [new FieldProvenance("name", "clearbit", 0.92, at.AddMinutes(-1)), new FieldProvenance("jobTitle", "zoominfo", 0.8, at)],
        };

        await store.UpsertAsync([contact, new EnrichedContact("crm-2", at)], None);
        var stored = await store.GetAsync("crm-1", None);
        var bare = await store.GetAsync("crm-2", None);
        await store.UpsertAsync([contact with { JobTitle = "CTO", TechStack = [], EnrichedAt = at.AddHours(1) }], None);
        var replaced = await store.GetAsync("crm-1", None);

        stored.ShouldNotBeNull();
        stored.EnrichedAt.ShouldBe(at);
        stored.ShouldBe(contact with { TechStack = stored.TechStack, IntentKeywords = stored.IntentKeywords, Provenance = stored.Provenance });
        stored.TechStack.ShouldBe(["aws", "react"]);
        stored.IntentKeywords.ShouldBe(["crm software"]);
        stored.Provenance.ShouldBe(contact.Provenance);
        bare.ShouldNotBeNull();
        bare.CompanyName.ShouldBeNull();
        bare.EmployeeCount.ShouldBeNull();
        bare.TechStack.ShouldBeEmpty();
        replaced!.JobTitle.ShouldBe("CTO");
        replaced.TechStack.ShouldBeEmpty();
        replaced.EnrichedAt.ShouldBe(at.AddHours(1));
        (await store.GetAsync("crm-unknown", None)).ShouldBeNull();
    }

    [StoreFact]
    public async Task EnrichedContact_FromProfile_RoundTrips()
    {
        var at = Time.GetUtcNow();
        var profile = new ProfileBuilder("clearbit", 0.9, at)
            .Set(ProfileFields.FullName, "Jane Doe")
            .Set(ProfileFields.Email, "jane.doe@acme.com")
            .Set(ProfileFields.CompanyName, "Acme Inc")
            .Set(ProfileFields.EmployeeCount, 500)
            .Set(ProfileFields.IntentKeywords, ["crm software"])
            .Build();

        await Get<IEnrichedContactStore>().UpsertAsync([EnrichedContact.FromProfile("crm-9", profile, "hash-of-email", at)], None);
        var stored = await Get<IEnrichedContactStore>().GetAsync("crm-9", None);

        stored!.FullName.ShouldBe("Jane Doe");
        stored.CompanyName.ShouldBe("Acme Inc");
        stored.EmployeeCount.ShouldBe(500);
        stored.IntentKeywords.ShouldBe(["crm software"]);
        stored.EmailHash.ShouldBe("hash-of-email");
        stored.Provenance.Select(p => p.Field).ShouldContain("email");
        stored.Provenance.ShouldAllBe(p => p.Source == "clearbit" && p.Confidence == 0.9);
    }

    [StoreFact]
    public async Task Unmatched_AddAndGet_LaterReasonReplacesEarlier()
    {
        var store = Get<IUnmatchedRecordStore>();
        var at = Time.GetUtcNow();

        await store.AddAsync([new UnmatchedRecord("crm-7", "hash-7", "no_match", at), new UnmatchedRecord("crm-9", "hash-9", "no_match", at)], None);
        var first = await store.GetAsync("crm-7", None);
        await store.AddAsync([new UnmatchedRecord("crm-7", "hash-7", "invalid_email", at.AddDays(1))], None);
        await store.AddAsync([], None);

        first.ShouldBe(new UnmatchedRecord("crm-7", "hash-7", "no_match", at));
        (await store.GetAsync("crm-7", None)).ShouldBe(new UnmatchedRecord("crm-7", "hash-7", "invalid_email", at.AddDays(1)));
        (await store.GetAsync("crm-9", None)).ShouldBe(new UnmatchedRecord("crm-9", "hash-9", "no_match", at));
        (await store.GetAsync("crm-8", None)).ShouldBeNull();
        (await store.CountAsync(None)).ShouldBe(2);
    }

    [StoreFact]
    public async Task ARecord_IsEnrichedOrUnmatched_NeverBoth_AndOthersAreLeftAlone()
    {
        var enriched = Get<IEnrichedContactStore>();
        var unmatched = Get<IUnmatchedRecordStore>();
        var at = Time.GetUtcNow();
        await unmatched.AddAsync([new UnmatchedRecord("crm-1", "hash-1", "no_match", at), new UnmatchedRecord("crm-2", "hash-2", "no_match", at)], None);

        await enriched.UpsertAsync([new EnrichedContact("crm-1", at.AddHours(1)), new EnrichedContact("crm-3", at)], None);

        (await unmatched.GetAsync("crm-1", None)).ShouldBeNull();
        (await unmatched.GetAsync("crm-2", None)).ShouldNotBeNull();
        (await enriched.CountAsync(None), await unmatched.CountAsync(None)).ShouldBe((2, 1));

        await unmatched.AddAsync([new UnmatchedRecord("crm-3", "hash-3", "crm_record_not_found", at.AddHours(2))], None);

        (await enriched.GetAsync("crm-3", None)).ShouldBeNull();
        (await enriched.GetAsync("crm-1", None)).ShouldNotBeNull();
        (await enriched.CountAsync(None), await unmatched.CountAsync(None)).ShouldBe((1, 2));
    }

    [StoreFact]
    public async Task IdempotencyKeys_FirstTimeTrue_ReplayFalse_PerScope_AgainAfterRetention()
    {
        var keys = Get<IIdempotencyKeys>();
        var retention = TimeSpan.FromDays(1);

        var first = await keys.TryRecordAsync("hubspot", "evt-1", retention, None);
        var replay = await keys.TryRecordAsync("hubspot", "evt-1", retention, None);
        var otherScope = await keys.TryRecordAsync("genesys", "evt-1", retention, None);
        Time.Advance(TimeSpan.FromDays(2));
        var afterRetention = await keys.TryRecordAsync("hubspot", "evt-1", retention, None);
        var replayAgain = await keys.TryRecordAsync("hubspot", "evt-1", retention, None);

        (first, replay, otherScope, afterRetention, replayAgain).ShouldBe((true, false, true, true, false));
    }

    [StoreFact]
    public async Task IdempotencyKeys_PurgeExpired_DeletesOnlyExpiredKeys()
    {
        var keys = Get<IIdempotencyKeys>();
        await keys.TryRecordAsync("hubspot", "old", TimeSpan.FromHours(1), None);
        await keys.TryRecordAsync("hubspot", "new", TimeSpan.FromDays(7), None);
        Time.Advance(TimeSpan.FromHours(2));

        var purged = await keys.PurgeExpiredAsync(None);

        purged.ShouldBe(1);
        (await keys.TryRecordAsync("hubspot", "new", TimeSpan.FromDays(7), None)).ShouldBeFalse();
    }

    [StoreFact]
    public async Task IdempotencyKeys_ConcurrentSameKey_ExactlyOneWins()
    {
        var nodes = Enumerable.Range(0, 4).Select(_ => Backend.NewNode()).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => nodes[i % nodes.Length].GetRequiredService<IIdempotencyKeys>().TryRecordAsync("salesforce", "evt-race", TimeSpan.FromDays(1), None))));

        results.Count(r => r).ShouldBe(1);
    }

    [StoreFact]
    public async Task AuditLog_ReadRecent_NewestFirst()
    {
        var log = Get<IAuditLog>();
        var at = Time.GetUtcNow();

        await log.AppendAsync(new AuditEntry("agent-1", "profile.read", "p-1", at), None);
        await log.AppendAsync(new AuditEntry("agent-2", "profile.read", "p-2", at.AddMinutes(1)), None);
        await log.AppendAsync(new AuditEntry("operator", "subject.forget", "h-3", at.AddMinutes(2)), None);
        var recent = await log.ReadRecentAsync(null, 2, None);

        recent.ShouldBe([new AuditEntry("operator", "subject.forget", "h-3", at.AddMinutes(2)), new AuditEntry("agent-2", "profile.read", "p-2", at.AddMinutes(1))]);
    }

    [StoreFact]
    public async Task AuditLog_ReadRecentOfOneSubject_KeepsThePurposeAndLeavesOthersOut()
    {
        var log = Get<IAuditLog>();
        var at = Time.GetUtcNow();

        await log.AppendAsync(new AuditEntry("key-a", "profile.read", "p-9", at, "inbound call"), None);
        await log.AppendAsync(new AuditEntry("key-b", "profile.read", "p-8", at.AddMinutes(1), "billing"), None);
        await log.AppendAsync(new AuditEntry("key-b", "profile.read", "p-9", at.AddMinutes(2)), None);
        var recent = await log.ReadRecentAsync("p-9", 10, None);

        recent.ShouldBe([new AuditEntry("key-b", "profile.read", "p-9", at.AddMinutes(2)), new AuditEntry("key-a", "profile.read", "p-9", at, "inbound call")]);
    }

    [StoreFact]
    public async Task Retention_PurgesWhatIsOlderThanTheCutoff_AndKeepsTheRest()
    {
        var at = Time.GetUtcNow();
        await Get<IEnrichedContactStore>().UpsertAsync([new EnrichedContact("crm-old", at.AddDays(-40)), new EnrichedContact("crm-new", at.AddDays(-5))], None);
        await Get<IUnmatchedRecordStore>().AddAsync([new UnmatchedRecord("crm-old-u", "hash-old", "no_match", at.AddDays(-40))], None);
        await Get<IDeadLetterStore>().AddAsync(new NewDeadLetter("pipeline", "hubspot", "9", "{}", "failed", 5, at.AddDays(-40)), None);

        var purged = await Get<ISubjectErasure>().PurgeOlderThanAsync(at.AddDays(-30), None);

        (purged.EnrichedContacts, purged.Unmatched, purged.DeadLetters).ShouldBe((1, 1, 1));
        (await Get<IEnrichedContactStore>().GetAsync("crm-old", None)).ShouldBeNull();
        (await Get<IEnrichedContactStore>().GetAsync("crm-new", None)).ShouldNotBeNull();
        (await Get<IDeadLetterStore>().CountAsync(None)).ShouldBe(0);
    }
}

public sealed class SqlitePipelineStoresTests(SqliteStoreBackend backend) : PipelineStoresConformanceTests<SqliteStoreBackend>(backend);

[RequiresPostgres]
public sealed class PostgresPipelineStoresTests(PostgresStoreBackend backend) : PipelineStoresConformanceTests<PostgresStoreBackend>(backend);
