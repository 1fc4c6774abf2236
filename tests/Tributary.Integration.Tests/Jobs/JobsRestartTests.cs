using Microsoft.Extensions.Options;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Storage;
using Tributary.Storage.Sqlite;

namespace Tributary.IntegrationTests.Jobs;

/// <summary>A job outlives the server that accepted it: stopped mid-job, the next server on the same store finishes it.</summary>
public sealed class JobsRestartTests
{
    // Three chunks of the batch pump (100 records each), one enriched at a time: the stop comes after the first is saved.
    private const int Records = 300;

    [Fact]
    public async Task Job_ServerStoppedMidJob_NextServerOnTheSameStoreCompletesIt()
    {
        await using var simulators = await SandboxSimulators.StartAsync();
        using var directory = new TempDirectory();
        var database = directory.File("tributary.db");
        string[] settings =
        [
            $"--Providers:Clearbit:ApiKey={simulators.Options.ClearbitApiKey}",
            $"--Providers:Clearbit:BaseUrl={simulators.Clearbit.BaseUrl}",
            "--Providers:Clearbit:RateLimit:PerMinute=600000",
            $"--Providers:ZoomInfo:Username={simulators.Options.ZoomInfoUsername}",
            $"--Providers:ZoomInfo:Password={simulators.Options.ZoomInfoPassword}",
            $"--Providers:ZoomInfo:BaseUrl={simulators.ZoomInfo.BaseUrl}",
            "--Providers:ZoomInfo:RateLimit:PerMinute=600000",
            "--Jobs:Concurrency=1",
        ];
        simulators.Clearbit.Faults.LatencyMs = 100;
        simulators.ZoomInfo.Faults.LatencyMs = 100;
        var people = Tributary.Simulators.Dataset.SampleDataset.Create().People.Skip(200).Take(Records).ToArray();
        var body = "[" + string.Join(",", people.Select(p => $$"""{"email":"{{p.Email}}"}""")) + "]";

        string id;
        long processedBeforeStop;
        await using (var first = await GatewayServer.StartOnDatabaseAsync(database, settings))
        {
            id = await JobsClient.SubmitAsync(first.Client, body);
            var running = await JobsClient.WaitAsync(first.Client, id, j => j.GetProperty("processed").GetInt64() >= 100);
            running.GetProperty("status").GetString().ShouldBe("running");
            processedBeforeStop = running.GetProperty("processed").GetInt64();
        }

        // Between the two servers, the store has the job unfinished, with the progress saved before the stop.
        var stored = (await new SqliteJobStore(new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = $"Data Source={database}" })))
            .GetAsync(id, CancellationToken.None)).ShouldNotBeNull();
        stored.State.ShouldBe(JobState.Running);
        stored.Counts.Processed.ShouldBeInRange(processedBeforeStop, Records - 1);

        simulators.Reset();
        await using var second = await GatewayServer.StartOnDatabaseAsync(database, settings);
        var job = await JobsClient.WaitForCompletionAsync(second.Client, id);

        job.GetProperty("status").GetString().ShouldBe("completed");
        job.GetProperty("processed").GetInt64().ShouldBe(Records);
        (job.GetProperty("matched").GetInt64() + job.GetProperty("unmatched").GetInt64()).ShouldBe(Records);
        var results = await JobsClient.ResultsAsync(second.Client, id);
        results.Select(r => r.GetProperty("index").GetInt32()).ShouldBe(Enumerable.Range(0, Records));
        results.Select(r => r.GetProperty("status").GetString()).ShouldAllBe(s => s == "matched" || s == "unmatched");

        // Records saved before the stop were not asked again.
        var lookups = simulators.Clearbit.Calls["/v2/combined/find"] + simulators.ZoomInfo.Calls["/enrich/contact"];
        lookups.ShouldBeLessThanOrEqualTo((int)(Records - stored.Counts.Processed) * 2);
    }
}
