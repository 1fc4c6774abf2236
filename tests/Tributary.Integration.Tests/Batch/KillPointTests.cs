using System.Text;
using Tributary.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Tributary.IntegrationTests.Batch;

/// <summary>
/// <c>kill -9</c> at several points of a file run, then the run again: the providers are asked again only about
/// subjects whose call was in flight at the kill, never about an answer already received.
/// </summary>
public sealed class KillPointTests : IClassFixture<BatchSimulators>, IDisposable
{
    private const int Rows = 300;
    private const string Concurrency = "2";

    // At most this many Clearbit lookups (it has no bulk endpoint) can be in flight: chunks enriched at once
    // (--concurrency) × the single lookups each chunk runs side by side (EnrichmentEngine.SingleLookupConcurrency).
    private const int InFlightBound = 2 * 8;

    // A slot takes its next lookup only once its answer is committed to the ledger, so a kill loses at most the calls
    // and answers of the slots: no more than InFlightBound, however slow the commits.
    private const int RepeatBound = InFlightBound;

    private readonly BatchSimulators _simulators;
    private readonly EnrichCli _cli;
    private readonly ITestOutputHelper _output;

    public KillPointTests(BatchSimulators simulators, ITestOutputHelper output)
    {
        _simulators = simulators;
        _output = output;
        simulators.Reset();
        _cli = new EnrichCli(simulators);
    }

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    public async Task Enrich_KilledAtAnyPoint_PaysAgainOnlyForCallsInFlight(double killAt)
    {
        var csv = new StringBuilder("email\n");
        foreach (var person in _simulators.People.Skip(1000).Take(Rows))
        {
            csv.Append(person.Email).Append('\n');
        }

        _cli.Write("contacts.csv", csv.ToString());
        var clearbit = _simulators.Sandbox.Clearbit;
        clearbit.Faults.LatencyMs = 20;
        _simulators.Sandbox.ZoomInfo.Faults.LatencyMs = 20;

        var first = _cli.Start("contacts.csv", "--out", "out.csv", "--concurrency", Concurrency);
        await WaitForAsync(() => clearbit.Calls["/v2/combined/find"] >= Rows * killAt, first);
        await first.DisposeAsync();

        // Requests the killed process had sent still reach the simulator: let them land before counting.
        var before = await SettledAsync(() => clearbit.Calls["/v2/combined/find"]);
        await using var second = await _cli.RunAsync("contacts.csv", "--out", "out.csv", "--concurrency", Concurrency);
        second.ExitCode.ShouldBe(0, second.Output);
        var after = clearbit.Calls["/v2/combined/find"] - before;

        // Every row needs exactly one Clearbit answer; whatever was asked beyond that was paid twice.
        var repeated = before + after - Rows;
        _output.WriteLine($"kill at {killAt:P0}: {before} Clearbit calls before the kill, {after} after, {repeated} repeated (in flight at most {InFlightBound})");
        repeated.ShouldBeInRange(0, RepeatBound);
        CsvTable.Read(_cli.File("out.csv")).Rows.Count.ShouldBe(Rows);
    }

    private static async Task<int> SettledAsync(Func<int> count)
    {
        var last = -1;
        var current = count();
        for (var i = 0; i < 100 && current != last; i++)
        {
            await Task.Delay(50);
            (last, current) = (current, count());
        }

        return current;
    }

    private static async Task WaitForAsync(Func<bool> condition, TributaryProcess process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException("the run did not get far enough:\n" + process.Output);
            }

            await Task.Delay(5);
        }
    }
}
