using System.Text.Json;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Storage;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Privacy;

/// <summary>
/// <c>tributary forget</c> run as its own process while a gateway serves the same store, and erasure on PostgreSQL.
/// </summary>
public sealed class ErasureAcrossProcessesTests
{
    [Fact]
    public async Task ForgetFromTheCli_TakesEffectInARunningGateway_WithinSeconds()
    {
        using var directory = new TempDirectory();
        var database = directory.File("tributary.db");
        await using var gateway = await GatewayServer.StartOnDatabaseAsync(database, "--Sandbox:Enabled=true", "--Sandbox:Warmup=false", "--Privacy:SuppressionRefreshSeconds=1");
        (await gateway.EnrichAsync<JsonElement>($$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""")).GetProperty("source").GetString().ShouldNotBe("none");

        await using var forget = await TributaryProcess.RunAsync(
            ["forget", "--email", SampleIdentifiers.JaneDoeEmail, "--json", $"--Storage:ConnectionString=Data Source={database}"]);

        forget.ExitCode.ShouldBe(0, forget.Output);
        JsonDocument.Parse(forget.StandardOutput).RootElement.GetProperty("suppressed").GetBoolean().ShouldBeTrue();
        await Eventually.TrueAsync(
            async () => (await gateway.EnrichAsync<JsonElement>($$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""")).GetProperty("source").GetString() == "none",
            "the gateway to stop answering for the subject (from memory too)",
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ForgetFromTheCli_WithoutExactlyOneIdentifier_ExitsWith2()
    {
        await using var neither = await TributaryProcess.RunAsync(["forget", "--Sandbox:Enabled=false"]);
        await using var invalid = await TributaryProcess.RunAsync(["forget", "--phone", "not a phone", "--Sandbox:Enabled=false"]);

        neither.ExitCode.ShouldBe(2);
        neither.Output.ShouldContain("--email");
        invalid.ExitCode.ShouldBe(2);
        invalid.Output.ShouldContain("--phone");
    }
}

/// <summary>Erasure on <c>Storage:Provider=postgres</c>: every place emptied, the subject suppressed.</summary>
[RequiresPostgres]
public sealed class PostgresErasureTests(PostgresStoreBackend postgres) : IClassFixture<PostgresStoreBackend>, IAsyncLifetime
{
    public Task InitializeAsync() => postgres.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [StoreFact]
    public async Task Forget_OnPostgres_RemovesTheSubjectFromEveryPlace()
    {
        await using var gateway = await GatewayServer.StartAsync(
            "--Storage:Provider=postgres", $"--Storage:ConnectionString={postgres.ConnectionString}", "--Cdp:OutcomeSettleSeconds=3600");
        var profileId = await ErasureTests.SpreadTheSubjectAsync(gateway);

        var (status, receipt) = await ErasureTests.ForgetAsync(gateway, $$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""");
        var (_, again) = await ErasureTests.ForgetAsync(gateway, $$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""");

        status.ShouldBe(200, receipt.ToString());
        receipt.GetProperty("ledger").GetInt32().ShouldBeGreaterThan(0);
        (receipt.GetProperty("jobRecords").GetInt32(), receipt.GetProperty("profiles").GetInt32(), receipt.GetProperty("outcomes").GetInt32()).ShouldBe((1, 1, 1));
        receipt.GetProperty("identityLinks").GetInt32().ShouldBe(4);
        foreach (var place in new[] { "ledger", "jobRecords", "identityLinks", "profiles", "outcomes", "staging" })
        {
            again.GetProperty(place).GetInt32().ShouldBe(0, $"{place} after the second erasure");
        }

        using var profile = await gateway.Client.GetAsync($"/v1/profiles/{profileId}");
        ((int)profile.StatusCode).ShouldBe(404);
    }
}
