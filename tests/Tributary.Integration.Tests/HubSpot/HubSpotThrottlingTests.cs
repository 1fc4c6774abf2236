using Tributary.Host.Crm;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.HubSpot;

/// <summary>
/// 429s, 5xx and dropped connections, with the client on a fake clock (the simulator answers at once): the clock
/// alone decides when the client asks again.
/// </summary>
public sealed class HubSpotThrottlingTests(HubSpotFixture fixture) : IClassFixture<HubSpotFixture>, IDisposable
{
    private const string ReadPath = "/crm/v3/objects/contacts/batch/read";

    private HubSpotSimulator Simulator => fixture.Simulator;

    public void Dispose() => fixture.Reset();

    [Fact]
    public async Task Read_WhenThrottledTenSecondly_WaitsRetryAfterAndSucceeds()
    {
        Simulator.Faults.FailStatus = null;
        Simulator.Faults.TooManyRequests = true;
        Simulator.Faults.RetryAfterSeconds = 3;
        var time = FakeClock.Create();
        await using var harness = new HubSpotHarness(Simulator, time: time);

        var read = harness.Crm.ReadAsync(["1001"], CancellationToken.None);
        await Infrastructure.Eventually.TrueAsync(() => Simulator.Calls[ReadPath] == 1, "the first attempt");
        Simulator.Faults.TooManyRequests = false;
        var waited = await FakeClock.DriveAsync(read, time, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

        (await read).Records.Single().Id.ShouldBe("1001");
        waited.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(3));
        waited.ShouldBeLessThan(TimeSpan.FromSeconds(6), "the 429's Retry-After, not a whole 10 s interval counted from its '0 left'");
        Simulator.Calls[ReadPath].ShouldBe(2);
    }

    [Fact]
    public async Task Read_WhenTheDailyLimitIsSpent_ThrowsUntilMidnightWithoutCallingHubSpot()
    {
        Simulator.Faults.DailyLimitReached = true;
        var time = FakeClock.Create();
        await using var harness = new HubSpotHarness(Simulator, time: time);
        var midnight = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

        var first = await Should.ThrowAsync<CrmUnavailableException>(() => harness.Crm.ReadAsync(["1001"], CancellationToken.None));
        (first.Reason, first.ResumeAt).ShouldBe(("daily_limit", (DateTimeOffset?)midnight));
        Simulator.Calls.Total.ShouldBe(1);

        // HubSpot would answer again, but the client keeps to the day's stop: neither reads nor writes reach it.
        Simulator.Faults.Reset();
        time.Advance(TimeSpan.FromHours(14));
        var later = await Should.ThrowAsync<CrmUnavailableException>(() => harness.Crm.WriteAsync([HubSpotHarness.Update("1001", ("city", "Oslo"))], CancellationToken.None));
        (later.Reason, later.ResumeAt).ShouldBe(("daily_limit", (DateTimeOffset?)midnight));
        Simulator.Calls.Total.ShouldBe(1);

        time.Advance(TimeSpan.FromHours(1));
        (await harness.Crm.ReadAsync(["1001"], CancellationToken.None)).Records.ShouldHaveSingleItem();
        Simulator.Calls.Total.ShouldBe(2);
    }

    [Fact]
    public async Task Read_WhenHubSpotKeepsFailingWith5xx_RetriesWithBackoffThenThrowsUnavailable()
    {
        Simulator.Faults.FailStatus = 503;
        var time = FakeClock.Create();
        await using var harness = new HubSpotHarness(Simulator, new Dictionary<string, string?> { ["HubSpot:RetryBaseDelayMs"] = "1000" }, time);

        var read = harness.Crm.ReadAsync(["1001"], CancellationToken.None);
        var waited = await FakeClock.DriveAsync(read, time, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(2));

        var error = await Should.ThrowAsync<CrmUnavailableException>(() => read);
        (error.Reason, error.ResumeAt).ShouldBe(("server_error", (DateTimeOffset?)null));
        Simulator.Calls[ReadPath].ShouldBe(harness.Options.MaxAttempts);

        // Three backoffs of about 1, 2 and 4 s (with jitter) went by on the fake clock.
        waited.ShouldBeGreaterThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Read_WhenAFailureIsPassing_RetriesAndSucceeds()
    {
        Simulator.Faults.FailStatus = 502;
        Simulator.Faults.FailEveryNth = 2;
        var time = FakeClock.Create();
        await using var harness = new HubSpotHarness(Simulator, time: time);

        // The first call goes through; the second is answered 502 and retried.
        (await harness.Crm.ReadAsync(["1001"], CancellationToken.None)).Records.ShouldHaveSingleItem();
        var read = harness.Crm.ReadAsync(["1001"], CancellationToken.None);
        await FakeClock.DriveAsync(read, time, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(30));

        (await read).Records.ShouldHaveSingleItem();
        Simulator.Calls[ReadPath].ShouldBe(3);
    }

    [Fact]
    public async Task Write_WhenTheConnectionIsReset_RetriesThenThrowsUnavailable()
    {
        Simulator.Faults.ConnectionReset = true;
        var time = FakeClock.Create();
        await using var harness = new HubSpotHarness(Simulator, time: time);

        var write = harness.Crm.WriteAsync([HubSpotHarness.Update("1001", ("city", "Oslo"))], CancellationToken.None);
        await FakeClock.DriveAsync(write, time, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(1));

        (await Should.ThrowAsync<CrmUnavailableException>(() => write)).Reason.ShouldBe("server_error");
        Simulator.Calls["/crm/v3/objects/contacts/batch/update"].ShouldBe(harness.Options.MaxAttempts);
    }
}
