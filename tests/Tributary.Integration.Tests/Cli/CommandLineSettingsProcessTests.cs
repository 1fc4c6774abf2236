using System.Net.Http.Json;
using System.Text.Json;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Cli;

/// <summary>Settings given on the command line after the verb, in both forms ASP.NET accepts, as the README promises.</summary>
public sealed class CommandLineSettingsProcessTests
{
    [Fact]
    public async Task Providers_TakesSettingsInBothForms()
    {
        await using var run = await TributaryProcess.RunAsync(
            ["providers", "--json", "--Providers:Clearbit:CostPerCall=3", "--Providers:Clearbit:RateLimit:PerMinute", "120"]);

        run.ExitCode.ShouldBe(0, run.Output);
        using var document = JsonDocument.Parse(run.StandardOutput);
        var clearbit = document.RootElement.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "clearbit");
        clearbit.GetProperty("costPerCall").GetDecimal().ShouldBe(3);
        clearbit.GetProperty("perMinute").GetInt32().ShouldBe(120);
    }

    [Fact]
    public async Task Lookup_TakesSettingsAfterItsOptions()
    {
        await using var run = await TributaryProcess.RunAsync(
            ["lookup", "--email", SampleIdentifiers.JaneDoeEmail, "--json", "--Providers:Clearbit:Enabled=false", "--Providers:ZoomInfo:Enabled", "false"]);

        run.ExitCode.ShouldBe(0, run.Output);
        using var document = JsonDocument.Parse(run.StandardOutput);
        var asked = document.RootElement.GetProperty("providers").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToArray();
        asked.ShouldNotBeEmpty();
        asked.ShouldNotContain("clearbit");
        asked.ShouldNotContain("zoominfo");
    }

    [Theory]
    [InlineData("--Providers:Clearbit:TimeoutMs=5")]
    [InlineData("--Providers:Clearbit:TimeoutMs", "5")]
    public async Task Lookup_WithAnInvalidSetting_ExitsWith2NamingIt(params string[] setting)
    {
        await using var run = await TributaryProcess.RunAsync(["lookup", "--email", SampleIdentifiers.JaneDoeEmail, .. setting]);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain("TimeoutMs");
    }

    [Theory]
    [InlineData("Providers:Clearbit:TimeoutMs", "5")]
    [InlineData("Providers:Clearbit:RateLimit:PerMinute", "0")]
    [InlineData("Providers:ZoomInfo:CircuitBreaker:FailureRatio", "2")]
    [InlineData("Providers:Http:crm:RateLimit:PerMinute", "-5", "--Providers:Http:crm:BaseUrl=http://127.0.0.1:9", "--Providers:Http:crm:PathTemplate=/customers/{email}", "--Providers:Http:crm:Mapping:name=name")]
    public async Task Providers_WithASettingOutOfRange_ExitsWith2NamingItsWholeKey(string key, string value, params string[] others)
    {
        await using var run = await TributaryProcess.RunAsync(["providers", $"--{key}={value}", .. others]);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain($"error: {key}:");
    }

    [Theory]
    [InlineData("lookup", "--email", "jane.doe@acme.com", "--frobnicate")]
    [InlineData("providers", "--frobnicate=1")]
    [InlineData("serve", "--Providers")]
    [InlineData("lookup", "--email", "jane.doe@acme.com", "--Providers:Clearbit:TimeoutMs")]
    public async Task UnknownOptionOrSettingWithoutValue_ExitsWith2WithAMessage(params string[] args)
    {
        await using var run = await TributaryProcess.RunAsync(args);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain(args[^1]);
    }

    [Fact]
    public async Task Serve_TakesSettingsFromTheCommandLine()
    {
        var port = TributaryProcess.FreePort();
        await using var serve = TributaryProcess.Start(
            ["serve", "--urls", $"http://127.0.0.1:{port}", "--Providers:Clearbit:Enabled=false", "--Providers:Hunter:Enabled", "false"]);
        await serve.WaitUntilHealthyAsync($"http://127.0.0.1:{port}/healthz", TimeSpan.FromSeconds(30));
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var ready = await client.GetFromJsonAsync<JsonElement>("/readyz");

        // Five built-in providers in sandbox mode, two of them turned off on the command line.
        ready.GetProperty("providers").GetInt32().ShouldBe(3);
    }
}
