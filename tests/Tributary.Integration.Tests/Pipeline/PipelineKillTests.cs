using Microsoft.Data.Sqlite;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Xunit.Abstractions;

namespace Tributary.IntegrationTests.Pipeline;

/// <summary>
/// <c>kill -9</c> of <c>tributary worker</c> in the middle of 10,000 staged HubSpot contacts, then the worker again:
/// every contact is written back, none is lost, staging ends empty, and only write-backs that were in flight at the
/// kill are sent twice. The simulators run in this process, so their state outlives the worker.
/// </summary>
public sealed class PipelineKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Contacts = 10_000;
    private const int Concurrency = 4;
    private const int BatchSize = 100;

    // A write is repeated only if the worker died between the CRM's confirmation and deleting the staged row:
    // at most every claim in flight, each one CRM batch.
    private const int InFlightBound = Concurrency * BatchSize;

    private readonly TempDirectory _directory = new();
    private SandboxSimulators _sandbox = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxSimulators.StartAsync();
        _sandbox.PeopleDataLabs.Faults.PerMinuteLimit = 100_000_000;
        _sandbox.HubSpot.Faults.LatencyMs = 5;
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Worker_KilledMidRun_LosesNothing_AndRepeatsOnlyTheWritesInFlight()
    {
        var ids = await StagedHubSpotContacts.StageAsync(_sandbox.HubSpot, Contacts, _directory, Environment());

        var first = TributaryProcess.Start(["worker"], Environment(), _directory.Path);
        await WaitForAsync(() => _sandbox.HubSpot.Writes.Count >= 30, first);
        await first.DisposeAsync();
        var writesBeforeKill = await SettledAsync(() => _sandbox.HubSpot.Writes.Count);

        // The restarted worker takes the dead one's records once their lease (5 s here) runs out.
        await using var second = TributaryProcess.Start(["worker"], Environment(), _directory.Path);
        await WaitForAsync(() => Scalar("SELECT count(*) FROM staged_records") == 0, second);
        await second.StopAsync();
        second.ExitCode.ShouldBe(0, second.Output);

        var written = _sandbox.HubSpot.Writes.SelectMany(w => w.Ids).ToList();
        var repeated = written.Count - written.Distinct().Count();
        output.WriteLine($"{writesBeforeKill} batch updates before the kill, {_sandbox.HubSpot.Writes.Count} in all; {repeated} contacts written twice (bound {InFlightBound})");
        repeated.ShouldBeInRange(0, InFlightBound);
        Scalar("SELECT count(*) FROM staged_records").ShouldBe(0);
        Scalar("SELECT count(*) FROM dead_letters").ShouldBe(0);
        (Scalar("SELECT count(*) FROM enriched_contacts") + Scalar("SELECT count(*) FROM unmatched_records")).ShouldBe(Contacts);
        var matched = Scalar("SELECT count(*) FROM enriched_contacts WHERE job_title IS NOT NULL");
        written.Distinct().Count().ShouldBe((int)matched);
        ids.Where(id => written.Contains(id)).ShouldAllBe(id => _sandbox.HubSpot.GetContact(id)!.Properties.ContainsKey("jobtitle"));
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_directory.File("tributary.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private Dictionary<string, string?> Environment() => new()
    {
        ["Providers__PeopleDataLabs__ApiKey"] = _sandbox.Options.PeopleDataLabsApiKey,
        ["Providers__PeopleDataLabs__BaseUrl"] = _sandbox.PeopleDataLabs.BaseUrl + "/v5",
        ["Providers__PeopleDataLabs__RateLimit__PerMinute"] = "600000",
        ["Providers__PeopleDataLabs__TimeoutMs"] = "5000",
        ["HubSpot__AccessToken"] = _sandbox.HubSpot.AccessToken,
        ["HubSpot__BaseUrl"] = _sandbox.HubSpot.BaseUrl,
        ["Pipeline__Concurrency"] = Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Pipeline__BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Pipeline__PollMilliseconds"] = "50",
        ["Pipeline__LeaseSeconds"] = "5",
        ["Storage__ConnectionString"] = $"Data Source={_directory.File("tributary.db")}",
    };

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
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (!condition())
        {
            if (timeout.IsCancellationRequested || process.HasExited)
            {
                throw new TimeoutException("the worker did not get far enough:\n" + process.Output);
            }

            await Task.Delay(5);
        }
    }
}
