using System.Globalization;
using Npgsql;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Pipeline;
using Tributary.IntegrationTests.Storage;
using Tributary.Simulators;
using Xunit.Abstractions;

namespace Tributary.IntegrationTests.ScaleOut;

/// <summary>
/// Two gateways and three <c>tributary worker</c> processes on one PostgreSQL store and one Redis, 10,000 staged HubSpot
/// contacts, People Data Labs enforcing a per-minute quota that they all share: one call for a new email asked of both
/// gateways, no 429, every contact enriched and written back, one worker killed mid-run loses nothing and repeats only
/// what it had in flight; and one HubSpot limit for the workers.
/// </summary>
public sealed class WorkersOnOneStoreTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Contacts = 10_000;
    private const int Workers = 3;
    private const int Concurrency = 2;
    private const int BatchSize = 100;
    private const int Quota = 30;

    private readonly TempDirectory _directory = new();
    private readonly string _prefix = RedisServer.NewPrefix();
    private SandboxSimulators _sandbox = null!;
    private string _store = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxSimulators.StartAsync();
        _sandbox.PeopleDataLabs.Faults.PerMinuteLimit = Quota;
        _sandbox.HubSpot.Faults.LatencyMs = 5;
        if (PostgresServer.SkipReason is null)
        {
            _store = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        if (_store is not null)
        {
            await (await PostgresServer.GetAsync()).DropDatabaseAsync(_store);
        }

        _directory.Dispose();
    }

    [ScaleOutFact]
    public async Task TwoGatewaysAndThreeWorkers_ShareOneQuota_WriteEveryContactBack_AndLoseNothingWhenAWorkerIsKilled()
    {
        var ids = await StagedHubSpotContacts.StageAsync(_sandbox.HubSpot, Contacts, _directory, Environment());

        // Two gateways (no worker of their own) on the same store and Redis: the same new email asked of both at once
        // is one call at People Data Labs, and it counts against the quota the workers then share.
        var ports = new[] { TributaryProcess.FreePort(), TributaryProcess.FreePort() };
        var gatewayEnvironment = Environment();
        gatewayEnvironment["Pipeline__Enabled"] = "false";
        var gateways = ports.Select(port => TributaryProcess.Start(["serve", "--urls", $"http://127.0.0.1:{port}"], gatewayEnvironment, _directory.Path)).ToList();
        var workers = new List<TributaryProcess>();
        try
        {
            await Task.WhenAll(gateways.Select((g, i) => g.WaitUntilHealthyAsync($"http://127.0.0.1:{ports[i]}/healthz", TimeSpan.FromSeconds(60))));
            var email = $"new.caller.{Guid.NewGuid():N}@example.org";
            var answers = await Task.WhenAll(ports.Select(async port =>
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                using var response = await client.PostAsync("/v1/enrich", new StringContent($$"""{"email":"{{email}}","timeoutMs":5000}""", System.Text.Encoding.UTF8, "application/json"));
                return (Status: (int)response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            }));
            answers.ShouldAllBe(static answer => answer.Status == 200);
            _sandbox.PeopleDataLabs.Calls["/v5/person/enrich"].ShouldBe(
                1, "one call for the same new email asked of both gateways at once; they answered:\n" + string.Join("\n", answers.Select(a => a.Body)));

            workers.AddRange(Enumerable.Range(0, Workers).Select(_ => TributaryProcess.Start(["worker"], Environment(), _directory.Path)));
            await WaitForAsync(() => _sandbox.HubSpot.Writes.Count >= 15, workers[0]);
            await workers[0].DisposeAsync();
            await WaitForAsync(async () => await ScalarAsync("SELECT count(*) FROM staged_records") == 0, workers[1]);
        }
        finally
        {
            foreach (var process in workers.Skip(1).Concat(gateways))
            {
                await process.StopAsync();
            }
        }

        var written = _sandbox.HubSpot.Writes.SelectMany(w => w.Ids).ToList();
        var repeated = written.Count - written.Distinct().Count();
        var bulkCalls = _sandbox.PeopleDataLabs.Calls["/v5/person/bulk"];
        output.WriteLine($"{bulkCalls} People Data Labs bulk calls (quota {Quota} a minute), {_sandbox.PeopleDataLabs.Statuses["429"]} answered 429; "
            + $"{_sandbox.HubSpot.Writes.Count} HubSpot batch updates, {repeated} contacts written twice");
        _sandbox.PeopleDataLabs.Statuses["429"].ShouldBe(0, "three workers together must keep to the one quota");
        bulkCalls.ShouldBeGreaterThan(Quota, "the run must outlast one minute of the quota, or it proves nothing");
        repeated.ShouldBeInRange(0, Concurrency * BatchSize, "only the killed worker's claims in flight may be written twice");
        (await ScalarAsync("SELECT count(*) FROM dead_letters")).ShouldBe(0);
        (await ScalarAsync("SELECT count(*) FROM enriched_contacts") + await ScalarAsync("SELECT count(*) FROM unmatched_records")).ShouldBe(Contacts);
        written.Distinct().Count().ShouldBe((int)await ScalarAsync("SELECT count(*) FROM enriched_contacts WHERE job_title IS NOT NULL"));
    }

    [ScaleOutFact]
    public async Task ThreeWorkers_KeepToOneHubSpotLimit()
    {
        // 20 calls in any 10 s for the account; each worker alone would allow itself all 20.
        const int HubSpotLimit = 20;
        _sandbox.HubSpot.Faults.TenSecondlyLimit = HubSpotLimit;
        var environment = Environment();
        // Two calls of headroom, as the default 190 of 200 leaves ten: HubSpot counts a call when it arrives, and on a
        // loaded CI machine one arrived 2.4 s after its turn, past the pacer's margin. Each worker alone would still
        // allow itself 18, three times what the account takes.
        environment["HubSpot__RateLimit__Requests"] = (HubSpotLimit - 2).ToString(CultureInfo.InvariantCulture);
        environment["Pipeline__BatchSize"] = "10";
        await StagedHubSpotContacts.StageAsync(_sandbox.HubSpot, 200, _directory, environment);
        _sandbox.HubSpot.Calls.Reset();

        var workers = Enumerable.Range(0, Workers).Select(_ => TributaryProcess.Start(["worker"], environment, _directory.Path)).ToList();
        try
        {
            await WaitForAsync(async () => await ScalarAsync("SELECT count(*) FROM staged_records") == 0, workers[0]);
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.StopAsync();
            }
        }

        output.WriteLine($"{_sandbox.HubSpot.Calls.Total} HubSpot calls, {_sandbox.HubSpot.Statuses["429"]} answered 429");
        _sandbox.HubSpot.Calls.Total.ShouldBeGreaterThanOrEqualTo(40, "20 reads and 20 updates: two windows' worth at least");
        _sandbox.HubSpot.Statuses["429"].ShouldBe(0, "three workers together must keep to the account's one limit:\n" + string.Join("\n----\n", workers.Select(w => w.Output)));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_store);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Dictionary<string, string?> Environment() => new()
    {
        ["Providers__PeopleDataLabs__ApiKey"] = _sandbox.Options.PeopleDataLabsApiKey,
        ["Providers__PeopleDataLabs__BaseUrl"] = _sandbox.PeopleDataLabs.BaseUrl + "/v5",
        ["Providers__PeopleDataLabs__RateLimit__PerMinute"] = Quota.ToString(CultureInfo.InvariantCulture),
        ["Providers__PeopleDataLabs__TimeoutMs"] = "5000",
        ["HubSpot__AccessToken"] = _sandbox.HubSpot.AccessToken,
        ["HubSpot__BaseUrl"] = _sandbox.HubSpot.BaseUrl,
        ["Pipeline__Concurrency"] = Concurrency.ToString(CultureInfo.InvariantCulture),
        ["Pipeline__BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
        ["Pipeline__PollMilliseconds"] = "50",
        ["Pipeline__LeaseSeconds"] = "5",
        ["Storage__Provider"] = "postgres",
        ["Storage__ConnectionString"] = _store,
        ["Cache__Redis"] = RedisServer.ConnectionString,
        ["Cache__RedisPrefix"] = _prefix,
    };

    private static async Task WaitForAsync(Func<bool> condition, TributaryProcess process) =>
        await WaitForAsync(() => Task.FromResult(condition()), process);

    private static async Task WaitForAsync(Func<Task<bool>> condition, TributaryProcess process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        while (!await condition())
        {
            if (timeout.IsCancellationRequested || process.HasExited)
            {
                throw new TimeoutException("the workers did not get far enough:\n" + process.Output);
            }

            await Task.Delay(50);
        }
    }
}
