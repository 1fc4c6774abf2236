using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Pipeline;

/// <summary>
/// <c>GET /v1/pipeline</c> tells a run still going from one whose worker died: an open run records its counts every
/// 15 s, and one silent for a minute is shown as interrupted, with the counts of its last report.
/// </summary>
public sealed class PipelineRunStateTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private GatewayServer _gateway = null!;

    private HubSpotSimulator HubSpot => _gateway.Services.GetRequiredService<SandboxSimulators>().HubSpot;

    private IRunStore Runs => _gateway.Services.GetRequiredService<IRunStore>();

    public async Task InitializeAsync() =>
        _gateway = await GatewayServer.StartAsync(services => services.AddSingleton<TimeProvider>(_time), "--Pipeline:PollMilliseconds=50", "--Pipeline:MaxAttempts=20");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task AnOpenRun_ReportsItsCountsSoFar_AndIsShownRunning()
    {
        HubSpot.Faults.FailIds = ["1002"];
        using var staged = await _gateway.Client.PostAsync("/v1/staging", new StringContent("""[{"source":"hubspot","crmId":"1002"},{"source":"hubspot","crmId":"1005"}]"""));
        await Eventually.TrueAsync(() => HubSpot.Writes.Count >= 1, "the first write-back");

        // 1005 is done; 1002 keeps failing, so the run stays open for its retries while the clock moves.
        EnrichmentRun? open = null;
        await RunningClock.UntilAsync(
            _time,
            async () => (open = (await Runs.ListRecentAsync(1, CancellationToken.None)).SingleOrDefault())?.SeenAt is not null,
            TimeSpan.FromSeconds(40),
            "the open run's first progress report");

        open.ShouldNotBeNull();
        open.SeenAt.ShouldNotBeNull("an open run reports its progress");
        open.FinishedAt.ShouldBeNull();
        open.Totals.Matched.ShouldBeGreaterThanOrEqualTo(1);
        var run = (await _gateway.Client.GetFromJsonAsync<JsonElement>("/v1/pipeline")).GetProperty("runs")[0];
        run.GetProperty("state").GetString().ShouldBe("running");
        run.GetProperty("finishedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        run.GetProperty("enriched").GetInt64().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task ARunSilentForAMinute_IsShownInterrupted_WithItsLastCounts()
    {
        var now = _time.GetUtcNow();
        var versions = new Dictionary<string, string>();
        var died = await Runs.StartAsync(RunKind.Pipeline, "hubspot", now.AddMinutes(-10), CancellationToken.None);
        await Runs.ReportProgressAsync(died, new RunTotals(40, 30, 10, 0, 0, 3m, versions), now.AddMinutes(-9), CancellationToken.None);
        var neverReported = await Runs.StartAsync(RunKind.Pipeline, "hubspot", now.AddMinutes(-5), CancellationToken.None);
        var alive = await Runs.StartAsync(RunKind.Pipeline, "hubspot", now.AddMinutes(-4), CancellationToken.None);
        await Runs.ReportProgressAsync(alive, new RunTotals(7, 7, 0, 0, 0, 1m, versions), now.AddSeconds(-10), CancellationToken.None);
        var finished = await Runs.StartAsync(RunKind.Pipeline, "hubspot", now.AddMinutes(-3), CancellationToken.None);
        await Runs.FinishAsync(finished, new RunTotals(5, 5, 0, 0, 0, 1m, versions), now.AddMinutes(-2), CancellationToken.None);
        var justStarted = await Runs.StartAsync(RunKind.Pipeline, "hubspot", now.AddSeconds(-20), CancellationToken.None);

        var runs = (await _gateway.Client.GetFromJsonAsync<JsonElement>("/v1/pipeline")).GetProperty("runs").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);

        runs[died].GetProperty("state").GetString().ShouldBe("interrupted");
        runs[died].GetProperty("processed").GetInt64().ShouldBe(40);
        runs[died].GetProperty("enriched").GetInt64().ShouldBe(30);
        runs[neverReported].GetProperty("state").GetString().ShouldBe("interrupted");
        runs[alive].GetProperty("state").GetString().ShouldBe("running");
        runs[alive].GetProperty("processed").GetInt64().ShouldBe(7);
        runs[finished].GetProperty("state").GetString().ShouldBe("finished");
        runs[justStarted].GetProperty("state").GetString().ShouldBe("running");
    }
}
