using System.Text.Json;
using System.Text.Json.Nodes;
using Tributary.Host.Segment;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Segment;

/// <summary>The Profile API client against the simulator over loopback: traits, unknown users, throttling and the circuit.</summary>
public sealed class SegmentProfileTests(SegmentFixture fixture) : IClassFixture<SegmentFixture>, IDisposable
{
    private SegmentSimulator Simulator => fixture.Simulator;

    private string TraitsPath(string userId) => $"/v1/spaces/{Simulator.SpaceId}/collections/users/profiles/user_id:{userId}/traits";

    public void Dispose() => fixture.Clear();

    [Fact]
    public async Task GetTraits_ForASeededUser_ReturnsTraitsAsSegmentTypedThem()
    {
        await using var harness = new SegmentHarness(Simulator);

        var result = await harness.Profiles.GetTraitsAsync(SegmentSimulator.AdaUserId);

        result.Status.ShouldBe(SegmentTraitsStatus.Found);
        result.Text("email").ShouldBe("ada@example.com");
        result.Text("tier").ShouldBe("GOLD");
        result.Traits["lifetime_value"].GetDouble().ShouldBe(1234.5);
        result.Traits["churn_risk"].ValueKind.ShouldBe(JsonValueKind.False);
        result.Text("churn_risk").ShouldBe("false");
        result.HasMore.ShouldBeFalse();
        harness.Profiles.IsCircuitOpen.ShouldBeFalse();
    }

    [Fact]
    public async Task GetTraits_ForAnUnknownUser_ReturnsUnknownUserWithoutRetry()
    {
        await using var harness = new SegmentHarness(Simulator);

        var result = await harness.Profiles.GetTraitsAsync("CUST-NOBODY");

        (result.Status, result.HttpStatus, result.ErrorCode).ShouldBe((SegmentTraitsStatus.UnknownUser, (int?)404, "not_found"));
        result.Traits.ShouldBeEmpty();
        Simulator.Calls[TraitsPath("CUST-NOBODY")].ShouldBe(1);
    }

    [Fact]
    public async Task GetTraits_ForAUserIdWithAPlus_SendsItEncodedAndFindsTheUser()
    {
        Simulator.SetTraits("+14155550123", new Dictionary<string, string> { ["tier"] = "BRONZE" });
        await using var harness = new SegmentHarness(Simulator);

        var result = await harness.Profiles.GetTraitsAsync("+14155550123");

        result.Text("tier").ShouldBe("BRONZE");
        Simulator.RemoveUser("+14155550123").ShouldBeTrue();
    }

    [Fact]
    public async Task GetTraits_WithMoreTraitsThanAPage_ReadsTwoHundredAndSaysThereAreMore()
    {
        var traits = new JsonObject();
        for (var i = 0; i < 250; i++)
        {
            traits[$"trait_{i:D3}"] = i;
        }

        Simulator.SetTraits("CUST-MANY", traits);
        await using var harness = new SegmentHarness(Simulator);

        var result = await harness.Profiles.GetTraitsAsync("CUST-MANY");

        result.Traits.Count.ShouldBe(SegmentProfileClient.PageSize);
        result.HasMore.ShouldBeTrue();
        result.Traits["trait_199"].GetInt32().ShouldBe(199);
    }

    [Fact]
    public async Task GetTraits_WhenThrottled_RetriesOnceThenFailsWithSegmentsRateLimitCode()
    {
        Simulator.Faults.TooManyRequests = true;
        Simulator.Faults.RetryAfterSeconds = 1;
        var time = FakeClock.Create();
        // The fake clock moves while the real loopback exchange runs, so on a loaded machine the default 3 s attempt
        // timeout could cut the first attempt before it reached Segment (a CI run saw one call). A Retry-After of 1 s is
        // still well within the attempt, so it is waited for.
        await using var harness = new SegmentHarness(Simulator, new Dictionary<string, string?> { ["Segment:ProfileTimeoutMs"] = "30000" }, time);

        var read = harness.Profiles.GetTraitsAsync(SegmentSimulator.AdaUserId);
        var waited = await FakeClock.DriveAsync(read, time, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(60));

        var result = await read;
        (result.Status, result.HttpStatus, result.ErrorCode).ShouldBe((SegmentTraitsStatus.Failed, (int?)429, "rate_limit_error"));
        Simulator.Calls[TraitsPath(SegmentSimulator.AdaUserId)].ShouldBe(2);
        waited.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task GetTraits_WithAWrongToken_FailsWithAnAuthenticationError()
    {
        await using var harness = new SegmentHarness(Simulator, new Dictionary<string, string?> { ["Segment:AccessToken"] = "wrong" });

        var result = await harness.Profiles.GetTraitsAsync(SegmentSimulator.AdaUserId);

        (result.Status, result.HttpStatus, result.ErrorCode).ShouldBe((SegmentTraitsStatus.Failed, (int?)401, "authentication_error"));
        Simulator.Calls.Total.ShouldBe(1);
    }

    [Fact]
    public async Task GetTraits_WhenSegmentKeepsFailing_OpensTheCircuitThenClosesItAfterTheBreak()
    {
        Simulator.Faults.FailStatus = 503;
        var time = FakeClock.Create();
        await using var harness = new SegmentHarness(Simulator, new Dictionary<string, string?>
        {
            ["Segment:ProfileMaxAttempts"] = "1",
            ["Segment:ProfileCircuitBreaker:MinimumThroughput"] = "3",
            ["Segment:ProfileCircuitBreaker:BreakDurationMs"] = "5000",
        }, time);
        var path = TraitsPath(SegmentSimulator.AdaUserId);

        for (var i = 0; i < 3; i++)
        {
            (await harness.Profiles.GetTraitsAsync(SegmentSimulator.AdaUserId)).Status.ShouldBe(SegmentTraitsStatus.Failed);
        }

        harness.Profiles.IsCircuitOpen.ShouldBeTrue();
        Simulator.Faults.FailStatus = null;
        (await harness.Profiles.GetTraitsAsync(SegmentSimulator.AdaUserId)).Status.ShouldBe(SegmentTraitsStatus.CircuitOpen);
        Simulator.Calls[path].ShouldBe(3);

        // After the break, the next read is the probe: it reaches Segment and closes the circuit.
        time.Advance(TimeSpan.FromSeconds(6));
        (await harness.Profiles.GetTraitsAsync(SegmentSimulator.AdaUserId)).Status.ShouldBe(SegmentTraitsStatus.Found);
        harness.Profiles.IsCircuitOpen.ShouldBeFalse();
        Simulator.Calls[path].ShouldBe(4);
    }

    [Fact]
    public async Task GetTraits_WhenSegmentHangs_FailsAfterTheAttemptTimeout()
    {
        Simulator.Faults.Hang = true;
        await using var harness = new SegmentHarness(Simulator, new Dictionary<string, string?>
        {
            ["Segment:ProfileMaxAttempts"] = "1",
            ["Segment:ProfileTimeoutMs"] = "500",
        });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await harness.Profiles.GetTraitsAsync(SegmentSimulator.AdaUserId);

        result.Status.ShouldBe(SegmentTraitsStatus.Failed);
        result.HttpStatus.ShouldBeNull();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }
}
