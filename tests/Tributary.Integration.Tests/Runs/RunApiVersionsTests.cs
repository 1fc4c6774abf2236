using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Tributary.IntegrationTests.Batch;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Jobs;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Runs;

/// <summary>
/// <c>enrichment_runs</c> records the API version each provider answered with: Clearbit's <c>API-Version</c> response
/// header (the simulator sends <c>2015-05-30</c>, as its README documents), and the configured
/// <c>Providers:&lt;Name&gt;:ApiVersion</c> of a provider that sends none.
/// </summary>
public sealed class RunApiVersionsTests(BatchSimulators simulators) : IClassFixture<BatchSimulators>
{
    [Fact]
    public async Task FileRun_RecordsTheVersionHeaderAndTheConfiguredVersion()
    {
        using var cli = new EnrichCli(simulators);
        cli.Write("contacts.csv", $"email\n{SampleIdentifiers.JaneDoeEmail}\n{simulators.People[1].Email}\n");

        await using var run = await cli.RunAsync("contacts.csv", "--out", "enriched.csv", "--Providers:ZoomInfo:ApiVersion=enterprise-legacy");

        run.ExitCode.ShouldBe(0, run.Output);
        var recorded = (await cli.RunsAsync()).ShouldHaveSingleItem();
        recorded.Totals.ApiVersions.ShouldBe(
            new Dictionary<string, string> { ["clearbit"] = "2015-05-30", ["zoominfo"] = "enterprise-legacy" }, ignoreOrder: true);
        (await ColumnAsync(cli.File("tributary.db"))).ShouldBe("""{"clearbit":"2015-05-30","zoominfo":"enterprise-legacy"}""");
    }

    [Fact]
    public async Task JobRun_RecordsTheVersionsOfTheProvidersThatAnswered()
    {
        await using var gateway = await GatewayServer.StartAsync("--Sandbox:Enabled=true", "--Providers:PeopleDataLabs:ApiVersion=v5");
        var id = await JobsClient.SubmitAsync(gateway.Client, $$"""[{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}]""");
        await JobsClient.WaitForCompletionAsync(gateway.Client, id);

        var recorded = await FinishedJobRunAsync(gateway.Services.GetRequiredService<IRunStore>(), id);

        recorded.Totals.ApiVersions.ShouldBe(
            new Dictionary<string, string> { ["clearbit"] = "2015-05-30", ["peopledatalabs"] = "v5" }, ignoreOrder: true);
    }

    /// <summary>The raw <c>api_versions</c> column of the only run.</summary>
    private static async Task<string> ColumnAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT api_versions FROM enrichment_runs";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The job's run once finished: a job reports completed just before its run row is closed.</summary>
    private static async Task<EnrichmentRun> FinishedJobRunAsync(IRunStore runs, string jobId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var run = (await runs.ListRecentAsync(10, timeout.Token)).SingleOrDefault(r => r.Kind == RunKind.Job && r.InputName == jobId);
            if (run?.FinishedAt is not null)
            {
                return run;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
