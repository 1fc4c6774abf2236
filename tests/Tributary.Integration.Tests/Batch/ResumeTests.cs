using System.Text;
using Microsoft.Data.Sqlite;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Batch;

/// <summary>A run killed half-way and started again finishes without asking a provider again for what was done.</summary>
public sealed class ResumeTests : IClassFixture<BatchSimulators>, IDisposable
{
    private const int Rows = 240;

    private readonly BatchSimulators _simulators;
    private readonly EnrichCli _cli;

    public ResumeTests(BatchSimulators simulators)
    {
        _simulators = simulators;
        simulators.Reset();
        _cli = new EnrichCli(simulators);
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Enrich_KilledMidRunAndRunAgain_FinishesWithoutPayingTwiceForRowsDone()
    {
        var csv = new StringBuilder("email\n");
        foreach (var person in _simulators.People.Skip(100).Take(Rows))
        {
            csv.Append(person.Email).Append('\n');
        }

        _cli.Write("big.csv", csv.ToString());
        foreach (var simulator in new Tributary.Simulators.ProviderSimulator[] { _simulators.Sandbox.Clearbit, _simulators.Sandbox.ZoomInfo })
        {
            simulator.Faults.LatencyMs = 40;
        }

        // Killed (SIGKILL, no chance to clean up) once about half the rows have been answered by Clearbit, which has no
        // bulk endpoint (ZoomInfo answers 25 people per call).
        var first = _cli.Start("big.csv", "--out", "out.csv", "--concurrency", "4");
        await WaitForAsync(() => _simulators.Sandbox.Clearbit.Calls["/v2/combined/find"] >= Rows / 2, first);
        await first.DisposeAsync();
        var callsBeforeKill = _simulators.LookupCalls;

        File.Exists(_cli.File("out.csv")).ShouldBeFalse("a killed run must not leave a truncated output");
        var paidFor = LedgerEntries();
        var zoominfoMisses = Rows - LedgerEntries("zoominfo");
        paidFor.ShouldBeGreaterThan(0);
        paidFor.ShouldBeLessThan(Rows * 2);

        _simulators.Reset();
        await using var second = await _cli.RunAsync("big.csv", "--out", "out.csv", "--concurrency", "4");

        second.ExitCode.ShouldBe(0, second.Output);
        var output = CsvTable.Read(_cli.File("out.csv"));
        output.Rows.Select(r => r["email"]).ShouldBe(_simulators.People.Skip(100).Take(Rows).Select(p => p.Email));
        output.Rows.ShouldAllBe(r => r["status"] == "matched" || r["status"] == "unmatched");

        // Every lookup in the ledger was answered from it; only the others reached a provider, once each: Clearbit one
        // call per lookup, ZoomInfo up to 25 lookups per call.
        var detail = $"calls before the kill: {callsBeforeKill}, ledger entries: {paidFor}";
        _simulators.Sandbox.Clearbit.Calls["/v2/combined/find"].ShouldBe(Rows - (paidFor - (Rows - zoominfoMisses)), detail);
        _simulators.Sandbox.ZoomInfo.Calls["/enrich/contact"].ShouldBeInRange((zoominfoMisses + 24) / 25, Math.Max(1, zoominfoMisses), detail);
        LedgerEntries().ShouldBe(Rows * 2);
        var runs = await _cli.RunsAsync();
        runs.Count.ShouldBe(2);
        runs[0].FinishedAt.ShouldNotBeNull();
        runs[0].Totals.Rows.ShouldBe(Rows);
        runs[1].FinishedAt.ShouldBeNull("the killed run never finished");
    }

    private int LedgerEntries(string? provider = null)
    {
        using var connection = new SqliteConnection($"Data Source={_cli.File("tributary.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM lookup_ledger WHERE $provider IS NULL OR provider = $provider";
        command.Parameters.AddWithValue("$provider", (object?)provider ?? DBNull.Value);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WaitForAsync(Func<bool> condition, TributaryProcess process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the run did not get far enough:\n" + process.Output);
            }

            await Task.Delay(10);
        }
    }
}
