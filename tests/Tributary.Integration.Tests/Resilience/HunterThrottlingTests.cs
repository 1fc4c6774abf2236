using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tributary.Connectors.Hunter;
using Tributary.Deadlines;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.IntegrationTests.Connectors;
using Tributary.IntegrationTests.Simulators;
using Tributary.IntegrationTests.Simulators.Hunter;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Resilience;

/// <summary>
/// Hunter's limits (15 a second, 500 a minute) and its 403 "slow down", against the Hunter simulator on a fake clock.
/// Callers here are real-time lookups with no time to wait: each either goes at once or is refused by the gate at
/// once, so the fake clock alone decides when Hunter is asked.
/// </summary>
public sealed class HunterThrottlingTests(HunterFixture fixture) : IClassFixture<HunterFixture>, IDisposable
{
    private const string Hunter = HunterConnector.ProviderName;
    private const string GateRefused = "rate limit budget exhausted";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => fixture.Reset();

    private ConnectorHarness Harness(HunterSimulator simulator) => new(
        new Dictionary<string, string?>
        {
            ["Providers:Hunter:ApiKey"] = simulator.ApiKey,
            ["Providers:Hunter:BaseUrl"] = simulator.BaseUrl + "/v2",
        },
        tributary => tributary.AddHunter(),
        _time);

    [Fact]
    public async Task RepeatedThrottling_BacksOffExponentiallyForEveryCaller_AndASuccessResetsIt()
    {
        // Every answer is Hunter's 403 "rate_limit_reached".
        fixture.Simulator.Faults.PerMinuteLimit = 0;
        await using var harness = Harness(fixture.Simulator);

        // A new caller every second for five minutes.
        for (var second = 0; second < 300; second++)
        {
            (await ProbeAsync(harness)).Status.ShouldBe(ProviderStatus.RateLimited);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        // Backing off 1, 2, 4 … 128 s (±20 %) between probes reaches Hunter 8 or 9 times in 300 s, not 300 times.
        fixture.Simulator.Calls.Total.ShouldBeInRange(8, 10);

        // Hunter answers again: the next probe, at most the 5-minute cap away, succeeds.
        fixture.Simulator.Faults.Reset();
        ProviderResult result;
        var waited = TimeSpan.Zero;
        while ((result = await ProbeAsync(harness)).Detail == GateRefused)
        {
            waited.ShouldBeLessThan(TimeSpan.FromMinutes(5));
            _time.Advance(TimeSpan.FromSeconds(1));
            waited += TimeSpan.FromSeconds(1);
        }

        result.Status.ShouldBe(ProviderStatus.Matched);

        // Throttled again after that success: callers are held back about a second, not minutes.
        fixture.Simulator.Faults.PerMinuteLimit = 0;
        var before = fixture.Simulator.Calls.Total;
        (await ProbeAsync(harness)).Detail.ShouldNotBe(GateRefused);
        (await ProbeAsync(harness)).Detail.ShouldBe(GateRefused);
        _time.Advance(TimeSpan.FromSeconds(1.2));
        (await ProbeAsync(harness)).Detail.ShouldNotBe(GateRefused);
        fixture.Simulator.Calls.Total.ShouldBe(before + 2);
    }

    [Fact]
    public async Task AtItsDocumentedLimits_HunterIsAskedFiveHundredTimesAMinute_AndNeverThrottles()
    {
        // Hunter enforcing 500 a minute in fixed windows, on the same fake clock.
        await using var simulator = new HunterSimulator(new SimulatorOptions { TimeProvider = _time }, TestDataset.Shared, 0);
        await simulator.StartAsync();
        simulator.Faults.PerMinuteLimit = 500;
        await using var harness = Harness(simulator);

        var throttled = 0;
        for (var step = 0; step < 1_200; step++)
        {
            ProviderResult result;
            while ((result = await ProbeAsync(harness)).Detail != GateRefused)
            {
                throttled += result.Status == ProviderStatus.RateLimited ? 1 : 0;
            }

            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        // Two minutes: two full windows of 500, and not one 403.
        simulator.Calls.Total.ShouldBe(1_000);
        throttled.ShouldBe(0);
    }

    /// <summary>A real-time lookup with no time to wait for a turn.</summary>
    private Task<ProviderResult> ProbeAsync(ConnectorHarness harness)
    {
        var identifiers = harness.Services.GetRequiredService<IdentifierNormalizer>().Normalize(new RawIdentifiers(Email: SampleIdentifiers.JaneDoeEmail));
        var query = new EnrichmentQuery(identifiers, LookupKind.Person, CallBudget.RealTime(_time.GetUtcNow(), TimeSpan.Zero), []);
        return harness.LookupAsync(Hunter, query);
    }
}
