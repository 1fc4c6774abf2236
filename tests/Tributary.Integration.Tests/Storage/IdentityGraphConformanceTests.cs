using Microsoft.Extensions.DependencyInjection;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Storage;

/// <summary>The identity graph: links by hash, shared identifiers, merges, detach, erasure, one writer at a time.</summary>
public abstract class IdentityGraphConformanceTests<TBackend>(TBackend backend) : StoreTests<TBackend>(backend)
    where TBackend : StoreBackend
{
    private static readonly IdentityKey Email = new("email", "e0000000000000000000000000000001");
    private static readonly IdentityKey Phone = new("phone", "p0000000000000000000000000000001");
    private static readonly IdentityKey UserId = new("userId", "u0000000000000000000000000000001");

    private static NewIdentityLink Link(IdentityKey key, string? value = null) => new(key, value);

    private IdentityChange Create(string id, params NewIdentityLink[] links) =>
        new(id, Create: true, [], links, [], """{"name":"Jane Doe"}""", Time.GetUtcNow());

    private static Task<bool> ApplyAsync(IIdentityGraph graph, IdentityChange? change, params IdentityKey[] keys) =>
        graph.UpdateAsync(keys, _ => (change, change is not null), None);

    [StoreFact]
    public async Task Update_CreatesAProfileWithItsLinks_KeepingClearValuesOnlyWhereGiven()
    {
        var graph = Get<IIdentityGraph>();

        await ApplyAsync(graph, Create("prof-1", Link(Email), Link(UserId, "user-42")), Email, UserId);
        var found = await graph.FindAsync([Email, UserId, Phone], None);
        var profile = await graph.GetProfileAsync("prof-1", None);
        var links = await graph.ListLinksAsync("prof-1", None);

        found[Email].Single().ProfileId.ShouldBe("prof-1");
        found[Email].Single().Value.ShouldBeNull();
        found[UserId].Single().Value.ShouldBe("user-42");
        found[Phone].ShouldBeEmpty();
        profile!.Traits.ShouldContain("Jane Doe");
        profile.CreatedAt.ShouldBe(Time.GetUtcNow());
        links.Select(l => l.Key).OrderBy(k => k.Type).ShouldBe([Email, UserId]);
        (await graph.GetProfileAsync("prof-unknown", None)).ShouldBeNull();
    }

    [StoreFact]
    public async Task Update_WhenDecideReturnsNoChange_WritesNothing_AndTheViewShowsWhatIsLinked()
    {
        var graph = Get<IIdentityGraph>();
        await ApplyAsync(graph, Create("prof-1", Link(Email), Link(Phone)), Email, Phone);

        var view = await graph.UpdateAsync([Email], v => ((IdentityChange?)null, v), None);

        view.Matches[Email].Single().ProfileId.ShouldBe("prof-1");
        view.Profiles.Keys.ShouldBe(["prof-1"]);
        view.ProfileLinks["prof-1"].Count.ShouldBe(2);
        (await graph.ListLinksAsync("prof-1", None)).Count.ShouldBe(2);
    }

    [StoreFact]
    public async Task UpdateMany_AppliesInOrder_EachSeeingTheOnesBefore_InOneTransaction()
    {
        var graph = Get<IIdentityGraph>();

        var seen = await graph.UpdateManyAsync<int>(
            [
                new([Email], v => (Create("prof-1", Link(Email)), v.Matches[Email].Count)),
                new([Email], v => (v.Matches[Email].Count == 0 ? Create("prof-2", Link(Email)) : null, v.Matches[Email].Count)),
                new([Phone], v => (Create("prof-3", Link(Phone)), v.Matches[Phone].Count)),
            ],
            None);

        seen.ShouldBe([0, 1, 0], "the second update saw the first one's link, so it created nothing");
        (await graph.FindAsync([Email], None))[Email].Single().ProfileId.ShouldBe("prof-1");
        (await graph.GetProfileAsync("prof-2", None)).ShouldBeNull();
        (await graph.FindAsync([Phone], None))[Phone].Single().ProfileId.ShouldBe("prof-3");
        (await graph.UpdateManyAsync<int>([], None)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task UpdateMany_WhenOneUpdateFails_NoneOfThemIsKept()
    {
        var graph = Get<IIdentityGraph>();

        await Should.ThrowAsync<InvalidOperationException>(() => graph.UpdateManyAsync<bool>(
            [
                new([Email], _ => (Create("prof-1", Link(Email)), true)),
                new([Phone], _ => throw new InvalidOperationException("decide failed")),
            ],
            None));

        (await graph.FindAsync([Email], None))[Email].ShouldBeEmpty();
        (await graph.GetProfileAsync("prof-1", None)).ShouldBeNull();
    }

    [StoreFact]
    public async Task SharedIdentifier_IsLinkedToEachProfile_MostRecentFirst()
    {
        var graph = Get<IIdentityGraph>();
        await ApplyAsync(graph, Create("prof-a", Link(Phone)), Phone);
        Time.Advance(TimeSpan.FromMinutes(1));
        await ApplyAsync(graph, Create("prof-b", Link(Phone)), Phone);

        var found = await graph.FindAsync([Phone], None);

        found[Phone].Select(l => l.ProfileId).ShouldBe(["prof-b", "prof-a"]);
    }

    [StoreFact]
    public async Task Absorb_MovesLinksOnce_AndTheAbsorbedIdLeadsToTheTarget()
    {
        var graph = Get<IIdentityGraph>();
        await ApplyAsync(graph, Create("prof-a", Link(Email), Link(Phone)), Email);
        await ApplyAsync(graph, Create("prof-b", Link(UserId, "user-1"), Link(Phone)), UserId);
        await ApplyAsync(graph, Create("prof-c"));
        await ApplyAsync(graph, new IdentityChange("prof-b", false, ["prof-c"], [], [], null, Time.GetUtcNow()));

        await ApplyAsync(graph, new IdentityChange("prof-a", false, ["prof-b"], [], [], """{"name":"Jane","tier":"gold"}""", Time.GetUtcNow()));
        var links = await graph.ListLinksAsync("prof-a", None);

        links.Select(l => l.Key).OrderBy(k => k.Type).ShouldBe([Email, Phone, UserId]);
        links.Single(l => l.Key == UserId).Value.ShouldBe("user-1");
        (await graph.ListLinksAsync("prof-b", None)).ShouldBeEmpty();
        (await graph.GetProfileAsync("prof-b", None))!.Id.ShouldBe("prof-a");
        (await graph.GetProfileAsync("prof-c", None))!.Id.ShouldBe("prof-a");
        (await graph.GetProfileAsync("prof-a", None))!.Traits.ShouldContain("gold");
    }

    [StoreFact]
    public async Task Remove_InUpdate_UnlinksOnlyFromTheTarget()
    {
        var graph = Get<IIdentityGraph>();
        await ApplyAsync(graph, Create("prof-a", Link(Phone), Link(Email)), Phone);
        await ApplyAsync(graph, Create("prof-b", Link(Phone)), Phone);

        await ApplyAsync(graph, new IdentityChange("prof-a", false, [], [], [Phone], null, Time.GetUtcNow()));

        (await graph.FindAsync([Phone], None))[Phone].Select(l => l.ProfileId).ShouldBe(["prof-b"]);
        (await graph.ListLinksAsync("prof-a", None)).Select(l => l.Key).ShouldBe([Email]);
    }

    [StoreFact]
    public async Task Detach_MovesTheIdentifierToANewProfile_AndRefusesWhatTheProfileDoesNotHold()
    {
        var graph = Get<IIdentityGraph>();
        await ApplyAsync(graph, Create("prof-a", Link(Email), Link(Phone)), Email);

        var detached = await graph.DetachAsync("prof-a", Email, "prof-new", Time.GetUtcNow(), None);
        var again = await graph.DetachAsync("prof-a", Email, "prof-other", Time.GetUtcNow(), None);

        (detached, again).ShouldBe((true, false));
        (await graph.FindAsync([Email], None))[Email].Single().ProfileId.ShouldBe("prof-new");
        (await graph.GetProfileAsync("prof-new", None))!.Traits.ShouldBe("{}");
        (await graph.GetProfileAsync("prof-other", None)).ShouldBeNull();
        (await graph.ListLinksAsync("prof-a", None)).Select(l => l.Key).ShouldBe([Phone]);
    }

    [StoreFact]
    public async Task RemoveKey_DeletesEveryLinkOfTheIdentifier()
    {
        var graph = Get<IIdentityGraph>();
        await ApplyAsync(graph, Create("prof-a", Link(Phone)), Phone);
        await ApplyAsync(graph, Create("prof-b", Link(Phone), Link(Email)), Phone);

        var removed = await graph.RemoveAsync(Phone, None);

        removed.ShouldBe(2);
        (await graph.FindAsync([Phone], None))[Phone].ShouldBeEmpty();
        (await graph.FindAsync([Email], None))[Email].Count.ShouldBe(1);
    }

    [StoreFact]
    public async Task Update_ManyNodesAtOnce_SeeEachOthersWrites()
    {
        var nodes = Enumerable.Range(0, 4).Select(_ => Backend.NewNode().GetRequiredService<IIdentityGraph>()).ToArray();

        // Each node creates a profile only when the email is still unknown: with one writer at a time, exactly one does.
        var created = await Task.WhenAll(nodes.Select((graph, i) => Task.Run(() => graph.UpdateAsync(
            [Email],
            view => view.Matches[Email].Count == 0
                ? (Create($"prof-{i}", Link(Email)), true)
                : ((IdentityChange?)null, false),
            None))));

        created.Count(c => c).ShouldBe(1);
        (await Get<IIdentityGraph>().FindAsync([Email], None))[Email].Count.ShouldBe(1);
    }
}

public sealed class SqliteIdentityGraphTests(SqliteStoreBackend backend) : IdentityGraphConformanceTests<SqliteStoreBackend>(backend);

[RequiresPostgres]
public sealed class PostgresIdentityGraphTests(PostgresStoreBackend backend) : IdentityGraphConformanceTests<PostgresStoreBackend>(backend);
