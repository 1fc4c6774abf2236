using Microsoft.Extensions.Time.Testing;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.HubSpot;

/// <summary>
/// The account budget against a simulator that enforces HubSpot's rolling window, both on one fake clock: a call over
/// the limit would be a 429 and a retry, so the simulator's call count shows whether the client ever went over.
/// </summary>
public sealed class HubSpotPacingTests : IAsyncLifetime
{
    private const string ReadPath = "/crm/v3/objects/contacts/batch/read";

    private readonly FakeTimeProvider _time = FakeClock.Create();
    private HubSpotSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = new HubSpotSimulator(new SimulatorOptions { TimeProvider = _time });
        await _simulator.StartAsync();
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task ConcurrentReads_NeverExceedTheLimitInAnyWindow()
    {
        _simulator.Faults.TenSecondlyLimit = 5;
        await using var harness = new HubSpotHarness(_simulator, new Dictionary<string, string?>
        {
            ["HubSpot:RateLimit:Requests"] = "5",
            ["HubSpot:RateLimit:IntervalMs"] = "10000",
        }, _time);

        var reads = Enumerable.Range(0, 12).Select(_ => harness.Crm.ReadAsync(["1001"], CancellationToken.None)).ToList();

        // Five go at once; the rest wait for the first ones to leave the window, not for a 429.
        await Eventually.TrueAsync(() => reads.Count(r => r.IsCompletedSuccessfully) == 5, "the first five reads");
        await AdvanceAsync(TimeSpan.FromSeconds(9));
        _simulator.Calls[ReadPath].ShouldBe(5);

        await AdvanceAsync(TimeSpan.FromSeconds(2));
        await Eventually.TrueAsync(() => reads.Count(r => r.IsCompletedSuccessfully) == 10, "five more reads once the window slid");
        _simulator.Calls[ReadPath].ShouldBe(10);

        await AdvanceAsync(TimeSpan.FromSeconds(11));
        var results = await Task.WhenAll(reads).WaitAsync(TimeSpan.FromSeconds(10));

        results.ShouldAllBe(r => r.Records.Count == 1);
        _simulator.Calls[ReadPath].ShouldBe(12);
    }

    [Fact]
    public async Task Limit_WhenHubSpotReportsALowerOne_IsTakenFromItsHeaders()
    {
        _simulator.Faults.TenSecondlyLimit = 3;
        await using var harness = new HubSpotHarness(_simulator, time: _time);
        harness.Pacer.Limit.ShouldBe(190);

        await harness.Crm.ReadAsync(["1001"], CancellationToken.None);
        harness.Pacer.Limit.ShouldBe(3);

        // Two more go; a fourth waits for the window instead of drawing a 429.
        var reads = Enumerable.Range(0, 3).Select(_ => harness.Crm.ReadAsync(["1001"], CancellationToken.None)).ToList();
        await Eventually.TrueAsync(() => reads.Count(r => r.IsCompletedSuccessfully) == 2, "two more reads");
        _simulator.Calls[ReadPath].ShouldBe(3);

        await AdvanceAsync(TimeSpan.FromSeconds(11));
        await Task.WhenAll(reads).WaitAsync(TimeSpan.FromSeconds(10));
        _simulator.Calls[ReadPath].ShouldBe(4);
    }

    [Fact]
    public async Task Dispose_WhileCallsWaitForTheirTurn_EndsEveryCall()
    {
        _simulator.Faults.TenSecondlyLimit = 1;
        var harness = new HubSpotHarness(_simulator, new Dictionary<string, string?> { ["HubSpot:RateLimit:Requests"] = "1" }, _time);
        var reads = Enumerable.Range(0, 3).Select(_ => harness.Crm.ReadAsync(["1001"], CancellationToken.None)).ToList();
        await Eventually.TrueAsync(() => reads.Count(r => r.IsCompletedSuccessfully) == 1, "the first read");

        // Polly lets calls under way finish (on the pipeline's clock) before its pipeline goes; the clock moves meanwhile.
        await harness.DisposeAsync();

        await Task.WhenAll(reads.Select(r => r.ContinueWith(static _ => { }, TaskScheduler.Default))).WaitAsync(TimeSpan.FromSeconds(10));
        reads.ShouldAllBe(r => r.IsCompleted);
    }

    /// <summary>
    /// Moves the clock a pacer segment (a fiftieth of the 10 s interval) at a time, letting continuations of each step
    /// run: the limiter ignores slides that come closer together on the real clock than its period, so a bigger step
    /// that fires several slides at once would lose some.
    /// </summary>
    private async Task AdvanceAsync(TimeSpan total)
    {
        var step = TimeSpan.FromMilliseconds(200);
        for (var moved = TimeSpan.Zero; moved < total; moved += step)
        {
            _time.Advance(step);
            await Task.Delay(2);
        }
    }
}
