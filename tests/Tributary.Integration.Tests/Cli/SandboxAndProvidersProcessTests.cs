using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Cli;

/// <summary>
/// <c>tributary sandbox</c> and <c>tributary providers --url</c> run as a user runs them: the URLs the sandbox prints
/// are the ones a gateway needs, and the providers report shows a running gateway's state, not a fresh process's.
/// </summary>
public sealed class SandboxAndProvidersProcessTests
{
    private static readonly string[] ProviderNames = ["clearbit", "zoominfo", "apollo", "hunter", "peopledatalabs"];

    [Fact]
    public async Task Sandbox_PrintsEverySimulatorsConnectorUrl_AndStaysUpUntilStopped()
    {
        await using var sandbox = TributaryProcess.Start(["sandbox"]);
        var lines = await WaitForLinesAsync(sandbox, "Ctrl+C");
        var printed = lines
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(words => words.Length >= 2 && ProviderNames.Contains(words[0]))
            .ToDictionary(words => words[0], words => words[1]);

        printed.Keys.Order().ShouldBe(ProviderNames.Order());

        // Configured with nothing but the printed URLs and the simulators' documented default credentials, a lookup
        // reaches every simulator (so each URL carries the path prefix its connector expects) while the sandbox runs.
        var defaults = new SimulatorOptions();
        await using var lookup = await TributaryProcess.RunAsync(
            ["lookup", "--email", SampleIdentifiers.JaneDoeEmail, "--json"],
            new Dictionary<string, string?>
            {
                ["Providers__Clearbit__BaseUrl"] = printed["clearbit"],
                ["Providers__Clearbit__ApiKey"] = defaults.ClearbitApiKey,
                ["Providers__ZoomInfo__BaseUrl"] = printed["zoominfo"],
                ["Providers__ZoomInfo__Username"] = defaults.ZoomInfoUsername,
                ["Providers__ZoomInfo__Password"] = defaults.ZoomInfoPassword,
                ["Providers__Apollo__BaseUrl"] = printed["apollo"],
                ["Providers__Apollo__ApiKey"] = defaults.ApolloApiKey,
                ["Providers__Hunter__BaseUrl"] = printed["hunter"],
                ["Providers__Hunter__ApiKey"] = defaults.HunterApiKey,
                ["Providers__PeopleDataLabs__BaseUrl"] = printed["peopledatalabs"],
                ["Providers__PeopleDataLabs__ApiKey"] = defaults.PeopleDataLabsApiKey,
            });

        lookup.ExitCode.ShouldBe(0, lookup.Output);
        using var profile = JsonDocument.Parse(lookup.StandardOutput);
        var statuses = profile.RootElement.GetProperty("providers").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("status").GetString());
        statuses.ShouldBe(ProviderNames.ToDictionary(name => name, _ => (string?)"matched"), ignoreOrder: true);
        sandbox.HasExited.ShouldBeFalse();

        await sandbox.StopAsync();
        sandbox.ExitCode.ShouldBe(0, sandbox.Output);
    }

    [Fact]
    public async Task Providers_WithUrl_ShowsTheRunningGatewaysCreditsAndOpenCircuit()
    {
        const string key = "gw-providers-key";
        await using var gateway = await GatewayServer.StartAsync(
            "--Sandbox:Enabled=true", $"--Gateway:ApiKeys:0={key}",
            "--Providers:Apollo:CircuitBreaker:MinimumThroughput=2", "--Providers:Apollo:MaxRetries=0");
        gateway.Client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var simulators = gateway.Services.GetRequiredService<SandboxSimulators>();
        simulators.Apollo.Faults.FailStatus = 503;
        simulators.PeopleDataLabs.Faults.FailStatus = 401;
        foreach (var email in new[] { SampleIdentifiers.JaneDoeEmail, "someone@acme.com", "another@acme.com" })
        {
            (await gateway.EnrichAsync($$"""{"email":"{{email}}","providers":["clearbit","apollo","peopledatalabs"]}""")).EnsureSuccessStatusCode();
        }

        await using var run = await TributaryProcess.RunAsync(
            ["providers", "--url", gateway.Client.BaseAddress!.ToString(), "--api-key", key, "--json"]);

        run.ExitCode.ShouldBe(0, run.Output);
        using var document = JsonDocument.Parse(run.StandardOutput);
        var byName = document.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        byName["apollo"].GetProperty("circuit").GetString().ShouldBe("open");
        byName["clearbit"].GetProperty("circuit").GetString().ShouldBe("closed");
        byName["clearbit"].GetProperty("callsToday").GetInt64().ShouldBeGreaterThanOrEqualTo(1);
        byName["clearbit"].GetProperty("costToday").GetDecimal().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Providers_OfAFreshConfiguration_AreOk_AndDisabledWhenNotEnabled()
    {
        var environment = new Dictionary<string, string?> { ["Providers__Hunter__Enabled"] = "false" };

        await using var json = await TributaryProcess.RunAsync(["providers", "--json"], environment);
        await using var table = await TributaryProcess.RunAsync(["providers"], environment);

        json.ExitCode.ShouldBe(0, json.Output);
        using var document = JsonDocument.Parse(json.StandardOutput);
        var health = document.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("health").GetString());
        health.ShouldBe(ProviderNames.ToDictionary(name => name, name => (string?)(name == "hunter" ? "disabled" : "ok")), ignoreOrder: true);
        table.ExitCode.ShouldBe(0, table.Output);
        table.StandardOutput.ShouldContain("Health");
        table.StandardOutput.ShouldContain("disabled");
    }

    [Fact]
    public async Task Providers_WithUrl_ShowsDownOnceACircuitOpens_UnauthorizedOnceTheKeyIsRefused_DegradedWithoutTokens_AndDisabled()
    {
        await using var gateway = await GatewayServer.StartAsync(
            "--Sandbox:Enabled=true", "--Providers:Hunter:Enabled=false", "--Providers:Clearbit:RateLimit:PerMinute=1",
            "--Providers:Apollo:CircuitBreaker:MinimumThroughput=2", "--Providers:Apollo:MaxRetries=0");
        var simulators = gateway.Services.GetRequiredService<SandboxSimulators>();
        simulators.Apollo.Faults.FailStatus = 503;
        simulators.PeopleDataLabs.Faults.FailStatus = 401;
        foreach (var email in new[] { SampleIdentifiers.JaneDoeEmail, "someone@acme.com", "another@acme.com" })
        {
            (await gateway.EnrichAsync($$"""{"email":"{{email}}","providers":["clearbit","apollo","peopledatalabs"]}""")).EnsureSuccessStatusCode();
        }

        await using var run = await TributaryProcess.RunAsync(["providers", "--url", gateway.Client.BaseAddress!.ToString(), "--json"]);

        run.ExitCode.ShouldBe(0, run.Output);
        using var document = JsonDocument.Parse(run.StandardOutput);
        var byName = document.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        byName["apollo"].GetProperty("circuit").GetString().ShouldBe("open");
        byName["apollo"].GetProperty("health").GetString().ShouldBe("down");
        byName["clearbit"].GetProperty("tokensAvailable").GetInt64().ShouldBe(0);
        byName["clearbit"].GetProperty("health").GetString().ShouldBe("degraded");
        byName["hunter"].GetProperty("health").GetString().ShouldBe("disabled");
        byName["peopledatalabs"].GetProperty("health").GetString().ShouldBe("unauthorized");
        byName["zoominfo"].GetProperty("health").GetString().ShouldBe("ok");
    }

    [Fact]
    public async Task Providers_WithUrl_WithoutTheGatewaysKey_ExitsWith2NamingTheOption()
    {
        await using var gateway = await GatewayServer.StartAsync("--Sandbox:Enabled=true", "--Gateway:ApiKeys:0=gw-providers-key");

        await using var run = await TributaryProcess.RunAsync(["providers", "--url", gateway.Client.BaseAddress!.ToString()]);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain("--api-key");
    }

    [Fact]
    public async Task Providers_WithUrl_OfNothingListening_ExitsWith1()
    {
        await using var run = await TributaryProcess.RunAsync(["providers", "--url", $"http://127.0.0.1:{TributaryProcess.FreePort()}"]);

        run.ExitCode.ShouldBe(1, run.Output);
        run.Output.ShouldContain("cannot reach the gateway");
    }

    /// <summary>Standard output once it holds <paramref name="marker"/>: the sandbox prints its last line after every simulator is up.</summary>
    private static async Task<string[]> WaitForLinesAsync(TributaryProcess process, string marker)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!process.StandardOutput.Contains(marker, StringComparison.Ordinal))
        {
            await Task.Delay(50, timeout.Token);
        }

        return process.StandardOutput.Split('\n', StringSplitOptions.TrimEntries);
    }
}
