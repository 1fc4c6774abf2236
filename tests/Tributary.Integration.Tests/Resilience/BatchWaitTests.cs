using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tributary.Connectors.Apollo;
using Tributary.Enrichment;
using Tributary.IntegrationTests.Connectors;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Simulators.Apollo;
using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Resilience;

/// <summary>Batch work parked at the gate while a provider's window is spent: it waits for the renewal and is not failed.</summary>
public sealed class BatchWaitTests(ApolloFixture fixture) : IClassFixture<ApolloFixture>, IDisposable
{
    private const string Apollo = ApolloConnector.ProviderName;

    public void Dispose() => fixture.Reset();

    [Fact]
    public async Task BatchLookups_WhileTheHourlyWindowIsSpent_WaitPastOneHundredSecondsForItAndSucceed()
    {
        // Apollo's answer once an hourly window is spent: 429, retry after the hour.
        fixture.Simulator.Faults.TooManyRequests = true;
        fixture.Simulator.Faults.RetryAfterSeconds = 3_600;
        var time = new TimerCountingClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var harness = new ConnectorHarness(
            new Dictionary<string, string?>
            {
                ["Providers:Apollo:ApiKey"] = fixture.Simulator.ApiKey,
                ["Providers:Apollo:BaseUrl"] = fixture.Simulator.BaseUrl + "/api/v1",
            },
            tributary => tributary.AddApollo(),
            time);
        var gate = harness.Runtime(Apollo).Gate;
        var people = SampleDataset.Create().People.Where(p => ApolloSimulator.Coverage.Knows(p)).Take(2).ToArray();

        var first = harness.LookupAsync(Apollo, harness.Email(people[0].Email, batch: true));
        await Eventually.TrueAsync(() => gate.PausedUntil is not null, "Apollo's 429 to pause the gate");
        fixture.Simulator.Faults.Reset();
        var second = harness.LookupAsync(Apollo, harness.Email(people[1].Email, batch: true));

        // The first call's retry waits for Retry-After and the second waits at the gate: the clock moves only once
        // both waits have begun, or a wait set up late would end an hour after the clock stops.
        await Eventually.TrueAsync(() => time.TimersOfAtLeast(TimeSpan.FromMinutes(59)) >= 2, "both calls to wait for the hour");

        // Well past HttpClient's 100 s default and the 30 s batch attempt timeout: both are still waiting, not failed.
        for (var waited = 0; waited < 300; waited += 5)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Yield();
        }

        first.IsCompleted.ShouldBeFalse();
        second.IsCompleted.ShouldBeFalse();
        fixture.Simulator.Calls.Total.ShouldBe(1);

        time.Advance(TimeSpan.FromSeconds(3_600 - 300));
        var answers = await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(30));

        answers.ShouldAllBe(a => a.Status == ProviderStatus.Matched);
        fixture.Simulator.Calls.Total.ShouldBe(3);
        harness.Services.GetRequiredService<IHttpClientFactory>().CreateClient(Apollo).Timeout.ShouldBe(Timeout.InfiniteTimeSpan);
    }

    /// <summary>A fake clock that counts the timers set on it by length, so a test can tell a wait has begun.</summary>
    private sealed class TimerCountingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly ConcurrentBag<TimeSpan> _dueTimes = [];

        public int TimersOfAtLeast(TimeSpan length) => _dueTimes.Count(due => due >= length);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _dueTimes.Add(dueTime);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
