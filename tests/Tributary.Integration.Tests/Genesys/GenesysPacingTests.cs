using Tributary.Host.Genesys;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Genesys;

/// <summary>
/// How the background External Contacts traffic and the IVR's participant-attribute writes share one token: a pause
/// learned from one API holds that API only, and under the token's limit External Contacts leave headroom for the
/// attribute writes. Against the Genesys simulator over loopback HTTP, on a fake clock that moves only when told.
/// </summary>
public sealed class GenesysPacingTests
{
    private const string Phone = "+13175550123";
    private static readonly Dictionary<string, string> Attributes = new() { ["enrich.name"] = "Jane Doe", ["enrich.source"] = "clearbit" };

    [Fact]
    public async Task AnExternalContacts429_PausesExternalContactsOnly_NotTheAttributeWrites()
    {
        var logs = new LogCapture();
        await using var genesys = await GenesysHarness.StartAsync(logs: logs);
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();
        genesys.Simulator.ThrottleExternalContacts(60);

        var search = genesys.Client.SearchExternalContactsAsync(Phone, CancellationToken.None);
        await RetryScheduledAsync(logs, "the search's 429");
        var patch = genesys.PatchSampleAsync(Attributes);

        (await GenesysHarness.EndsWithoutTimePassingAsync(patch)).ShouldBeTrue("an attribute write waits for no External Contacts pause");
        (await patch).IsDone.ShouldBeTrue();

        // The search itself still waits its Retry-After.
        genesys.Simulator.ThrottleExternalContacts(null);
        var (found, waited) = await genesys.AdvanceUntilDoneAsync(search);
        found.IsDone.ShouldBeTrue();
        waited.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(59));
    }

    [Fact]
    public async Task AnAttributes429_StillPausesTheAttributeWrites()
    {
        var logs = new LogCapture();
        await using var genesys = await GenesysHarness.StartAsync(logs: logs);
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();
        genesys.Simulator.ThrottleAttributes(30);

        var first = genesys.PatchSampleAsync(Attributes);
        await RetryScheduledAsync(logs, "the first write's 429");
        genesys.Simulator.ThrottleAttributes(null);
        var second = genesys.PatchSampleAsync(Attributes);
        var (result, waited) = await genesys.AdvanceUntilDoneAsync(second);

        result.IsDone.ShouldBeTrue();
        waited.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(29), "a second write waits out the pause the first one learned");
        (await genesys.AdvanceUntilDoneAsync(first)).Result.IsDone.ShouldBeTrue();
    }

    [Fact]
    public async Task UnderTheTokensLimit_ExternalContactsLeaveHeadroom_ForAttributeWrites()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        genesys.Simulator.Faults.PerMinuteLimit = 10;
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();

        // A backlog of External Contacts work, more than the token's minute holds.
        var searches = Enumerable.Range(0, 10).Select(_ => genesys.Client.SearchExternalContactsAsync(Phone, CancellationToken.None)).ToList();

        // 10 a minute, the login and one write spent: 30 % of the limit (3) is left to attribute writes, which go at once.
        for (var i = 0; i < 3; i++)
        {
            var patch = genesys.PatchSampleAsync(Attributes);
            (await GenesysHarness.EndsWithoutTimePassingAsync(patch)).ShouldBeTrue($"attribute write {i + 1} finds headroom");
            (await patch).IsDone.ShouldBeTrue();
        }

        var (found, _) = await genesys.AdvanceUntilDoneAsync(Task.WhenAll(searches), TimeSpan.FromMinutes(5));
        found.ShouldAllBe(r => r.IsDone);
        genesys.Simulator.Statuses["429"].ShouldBe(0, "paced under the limit, never throttled");
    }

    [Fact]
    public async Task A429BeyondTheCeiling_PausesItsOwnApiForTheCeiling_NoOtherApi_AndSaysSoOnce()
    {
        var logs = new LogCapture();
        await using var genesys = await GenesysHarness.StartAsync(new Dictionary<string, string?> { ["Genesys:MaxRetryAfterSeconds"] = "60" }, logs: logs);
        (await genesys.PatchSampleAsync(Attributes)).IsDone.ShouldBeTrue();
        genesys.Simulator.ThrottleAttributes(600);

        // Two writes on the wire at once (the simulator's latency runs on the fake clock), answered together: one pause.
        genesys.Simulator.Faults.LatencyMs = 1000;
        var calls = genesys.Simulator.Calls.Total;
        var both = Task.WhenAll(genesys.PatchSampleAsync(Attributes), genesys.PatchSampleAsync(Attributes));
        await Eventually.TrueAsync(() => genesys.Simulator.Calls.Total == calls + 2, "both writes on the wire");
        genesys.Simulator.Faults.LatencyMs = 0;
        var (refused, _) = await genesys.AdvanceUntilDoneAsync(both);
        refused.ShouldAllBe(r => r.Outcome == GenesysOutcome.Failed && r.StatusCode == 429 && r.Attempts == 1);

        var search = genesys.Client.SearchExternalContactsAsync(Phone, CancellationToken.None);
        (await GenesysHarness.EndsWithoutTimePassingAsync(search)).ShouldBeTrue("External Contacts wait for no attributes pause");
        (await search).IsDone.ShouldBeTrue();

        genesys.Simulator.ThrottleAttributes(null);
        var (result, waited) = await genesys.AdvanceUntilDoneAsync(genesys.PatchSampleAsync(Attributes));
        result.IsDone.ShouldBeTrue();
        waited.ShouldBeInRange(TimeSpan.FromSeconds(58), TimeSpan.FromSeconds(62), "the same API waits the ceiling, not the 600 s asked");

        logs.Lines.Count(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("calls paused", StringComparison.Ordinal)).ShouldBe(1);
    }

    /// <summary>Until the client has read a 429 and scheduled its retry: by then whatever pause it learned is in force.</summary>
    private static Task RetryScheduledAsync(LogCapture logs, string what) =>
        Eventually.TrueAsync(() => logs.Lines.Any(l => l.Contains("after HTTP 429", StringComparison.Ordinal)), what);
}
