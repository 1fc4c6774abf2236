using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Host.Cli;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Pipeline;

/// <summary>
/// Rollback against a running gateway: <c>POST /v1/pipeline/runs/{runId}/rollback</c> restores a run's values at the
/// simulator the run wrote to, and <c>tributary rollback RUN --url</c> asks the gateway for it. Without <c>--url</c>
/// in sandbox mode the command refuses, since its own simulators would be fresh ones.
/// </summary>
public sealed class RollbackTests : IAsyncLifetime
{
    private const string Key = "rollback-test-key";

    private readonly TempDirectory _directory = new();
    private GatewayServer _gateway = null!;

    private string Database => _directory.File("tributary.db");

    private HubSpotSimulator HubSpot => _gateway.Services.GetRequiredService<SandboxSimulators>().HubSpot;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayServer.StartOnDatabaseAsync(
            Database, "--Sandbox:Warmup=false", "--Pipeline:PollMilliseconds=50", "--Pipeline:RetryBaseSeconds=0.05", $"--Gateway:ApiKeys:0={Key}");
        _gateway.Client.DefaultRequestHeaders.Add("X-Api-Key", Key);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task TheEndpoint_RestoresTheRunsValuesAtTheGatewaysSimulator_AndAgainRestoresNothing()
    {
        var runId = await WriteBackContact1002Async();

        using var response = await _gateway.Client.PostAsync($"/v1/pipeline/runs/{runId}/rollback", null);
        using var again = await _gateway.Client.PostAsync($"/v1/pipeline/runs/{runId}/rollback", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("runId").GetString().ShouldBe(runId);
        report.GetProperty("recordsRestored").GetInt32().ShouldBe(1);
        report.GetProperty("fieldsRestored").GetInt32().ShouldBe(report.GetProperty("fieldsWritten").GetInt32());
        report.GetProperty("fieldsWritten").GetInt32().ShouldBeGreaterThan(0);
        HubSpot.GetContact("1002")!.Properties.ShouldNotContainKey("jobtitle");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldsWritten").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task TheSameRollbackAskedTwiceAtOnce_RestoresEachFieldOnce()
    {
        var runId = await WriteBackContact1002Async();

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var response = await _gateway.Client.PostAsync($"/v1/pipeline/runs/{runId}/rollback", null);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }));

        var written = answers.Max(a => a.GetProperty("fieldsWritten").GetInt32());
        answers.Sum(a => a.GetProperty("fieldsRestored").GetInt32()).ShouldBe(written);
        answers.Count(a => a.GetProperty("fieldsWritten").GetInt32() == 0).ShouldBe(1);
        var journal = await _gateway.Services.GetRequiredService<IWriteBackJournal>().ListAsync(runId + "-rollback", CancellationToken.None);
        journal.Count.ShouldBe(written);
    }

    [Fact]
    public async Task AnUnknownRun_Is404ProblemJson_AndAFileRunIsNoPipelineRun()
    {
        var fileRun = await _gateway.Services.GetRequiredService<IRunStore>().StartAsync(RunKind.File, "contacts.csv", DateTimeOffset.UtcNow, CancellationToken.None);

        using var unknown = await _gateway.Client.PostAsync($"/v1/pipeline/runs/{Guid.NewGuid():N}/rollback", null);
        using var notPipeline = await _gateway.Client.PostAsync($"/v1/pipeline/runs/{fileRun}/rollback", null);

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        notPipeline.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("not-a-run")]
    [InlineData("0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdeg")]
    public async Task AMalformedRunId_Is400(string runId)
    {
        using var response = await _gateway.Client.PostAsync($"/v1/pipeline/runs/{runId}/rollback", null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString().ShouldBe("runId");
    }

    [Fact]
    public async Task TheEndpoint_NeedsAGatewayKey()
    {
        var runId = await WriteBackContact1002Async();
        using var anonymous = new HttpClient { BaseAddress = _gateway.Client.BaseAddress };

        using var response = await anonymous.PostAsync($"/v1/pipeline/runs/{runId}/rollback", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        HubSpot.GetContact("1002")!.Properties.ShouldContainKey("jobtitle");
    }

    [Fact]
    public async Task TheCommand_WithUrl_RollsBackInTheRunningGateway()
    {
        var runId = await WriteBackContact1002Async();

        var (exit, output, error) = await RunCliAsync("rollback", runId, "--url", _gateway.Client.BaseAddress!.ToString(), "--api-key", Key);
        var (repeatExit, _, repeatError) = await RunCliAsync("rollback", runId, "--url", _gateway.Client.BaseAddress!.ToString(), "--api-key", Key);

        exit.ShouldBe(ExitCodes.Success, error);
        output.ShouldContain($"Run {runId}:");
        output.ShouldContain("restored on 1 records");
        HubSpot.GetContact("1002")!.Properties.ShouldNotContainKey("jobtitle");
        repeatExit.ShouldBe(ExitCodes.BadArguments);
        repeatError.ShouldContain("wrote nothing that can be rolled back");
    }

    [Fact]
    public async Task TheCommand_WithUrl_ExitsWith2_ForAnUnknownRun_AMissingKey_OrABadUrl()
    {
        var url = _gateway.Client.BaseAddress!.ToString();

        var unknown = await RunCliAsync("rollback", Guid.NewGuid().ToString("N"), "--url", url, "--api-key", Key);
        var noKey = await RunCliAsync("rollback", Guid.NewGuid().ToString("N"), "--url", url);
        var badUrl = await RunCliAsync("rollback", Guid.NewGuid().ToString("N"), "--url", "127.0.0.1:8080");

        unknown.Exit.ShouldBe(ExitCodes.BadArguments);
        unknown.Error.ShouldContain("404");
        unknown.Error.ShouldContain("There is no pipeline run");
        noKey.Exit.ShouldBe(ExitCodes.BadArguments);
        noKey.Error.ShouldContain("--api-key");
        badUrl.Exit.ShouldBe(ExitCodes.BadArguments);
        badUrl.Error.ShouldContain("--url");
    }

    [Fact]
    public async Task TheCommand_WithUrl_ExitsWith1_WhenNoGatewayAnswers()
    {
        var (exit, _, error) = await RunCliAsync("rollback", Guid.NewGuid().ToString("N"), "--url", $"http://127.0.0.1:{TributaryProcess.FreePort()}");

        exit.ShouldBe(ExitCodes.RuntimeFailure);
        error.ShouldContain("cannot reach the gateway");
    }

    [Fact]
    public async Task TheCommand_InSandboxModeWithoutUrl_ExitsWith2_AndLeavesTheRunAlone()
    {
        var runId = await WriteBackContact1002Async();

        var (exit, _, error) = await RunCliAsync("rollback", runId, $"--Storage:ConnectionString=Data Source={Database}");

        exit.ShouldBe(ExitCodes.BadArguments);
        error.ShouldContain("serve process");
        error.ShouldContain("--url");
        HubSpot.GetContact("1002")!.Properties.ShouldContainKey("jobtitle");
        (await _gateway.Services.GetRequiredService<IWriteBackJournal>().ListAsync(runId, CancellationToken.None))
            .ShouldAllBe(e => e.State == JournalState.Written);
    }

    [Fact]
    public async Task TheCommand_InSandboxModeWithoutUrl_ForARunRolledBackAlready_OrAnUnknownOne_SaysSo_WithoutBlamingASimulator()
    {
        var runId = await WriteBackContact1002Async();
        using var rolledBack = await _gateway.Client.PostAsync($"/v1/pipeline/runs/{runId}/rollback", null);
        rolledBack.StatusCode.ShouldBe(HttpStatusCode.OK);

        var (exit, _, error) = await RunCliAsync("rollback", runId, $"--Storage:ConnectionString=Data Source={Database}");
        var (unknownExit, _, unknownError) = await RunCliAsync("rollback", Guid.NewGuid().ToString("N"), $"--Storage:ConnectionString=Data Source={Database}");

        exit.ShouldBe(ExitCodes.BadArguments);
        error.ShouldContain($"run '{runId}' wrote nothing that can be rolled back");
        error.ShouldNotContain("simulator");
        unknownExit.ShouldBe(ExitCodes.BadArguments);
        unknownError.ShouldContain("there is no pipeline run");
        unknownError.ShouldNotContain("simulator");
    }

    /// <summary>Contact 1002 (a name and an email) enriched and written back by the gateway's worker; the run's id.</summary>
    private async Task<string> WriteBackContact1002Async()
    {
        using var response = await HubSpotWebhookSender.PostAsync(_gateway.Client, HubSpotWebhookSender.Creation("1002"));
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var status = await PipelineProbe.WaitForRunAsync(_gateway.Client);
        HubSpot.GetContact("1002")!.Properties.ShouldContainKey("jobtitle");
        return status.GetProperty("runs")[0].GetProperty("id").GetString()!;
    }

    private static async Task<(int Exit, string Output, string Error)> RunCliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await TributaryCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
