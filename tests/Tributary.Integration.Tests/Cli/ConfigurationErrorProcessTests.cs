using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Cli;

/// <summary>
/// Bad configuration exits with code 2 and names the setting by its whole key, as the README promises
/// (<c>error: Enrichment:TimeoutMs: …</c>), whichever validator refused it.
/// </summary>
public sealed class ConfigurationErrorProcessTests
{
    private static readonly Dictionary<string, string?> NoSandbox = new() { ["Sandbox__Enabled"] = "false" };

    [Theory]
    [InlineData("Enrichment:TimeoutMs", "-1")]
    [InlineData("Gateway:QuotaPerMinute", "-3")]
    [InlineData("Gateway:MaxBodyBytes", "100")]
    [InlineData("Jobs:MaxRecords", "0")]
    [InlineData("Privacy:RetentionDays", "-5")]
    [InlineData("Identity:VerifyThreshold", "5")]
    [InlineData("Pipeline:BatchSize", "0")]
    [InlineData("Cache:NoMatchTtl", "-1.00:00:00")]
    [InlineData("Cache:Redis", "127.0.0.1:6379,bogusoption=1")]
    [InlineData("Cache:Redis", "127.0.0.1:notaport,password=x")]
    [InlineData("Cache:Redis", "127.0.0.1:6379,abortConnect=maybe")]
    public async Task Serve_WithASettingOutOfRange_ExitsWith2NamingItsWholeKey(string key, string value)
    {
        await using var serve = await TributaryProcess.RunAsync(["serve", "--urls", $"http://127.0.0.1:{TributaryProcess.FreePort()}", $"--{key}={value}"], NoSandbox);

        serve.ExitCode.ShouldBe(2, serve.Output);
        serve.Output.ShouldContain($"error: {key}: ", Case.Sensitive);
        serve.Output.ShouldNotContain("DataAnnotation", Case.Sensitive);
    }

    [Fact]
    public async Task Serve_WithANegativeBodyLimit_ExitsWith2NamingIt_BeforeKestrelSeesIt()
    {
        await using var serve = await TributaryProcess.RunAsync(["serve", "--urls", $"http://127.0.0.1:{TributaryProcess.FreePort()}", "--Gateway:MaxBodyBytes=-1"], NoSandbox);

        serve.ExitCode.ShouldBe(2, serve.Output);
        serve.Output.ShouldContain("error: Gateway:MaxBodyBytes: ", Case.Sensitive);
        serve.Output.ShouldNotContain("ArgumentOutOfRangeException", Case.Sensitive);
    }

    [Fact]
    public async Task Lookup_WithTwoSettingsOutOfRange_ExitsWith2NamingBoth()
    {
        await using var run = await TributaryProcess.RunAsync(
            ["lookup", "--email", SampleIdentifiers.JaneDoeEmail, "--Enrichment:TimeoutMs=-1", "--Privacy:RetentionDays=-5"]);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain("error: Enrichment:TimeoutMs: ", Case.Sensitive);
        run.Output.ShouldContain("error: Privacy:RetentionDays: ", Case.Sensitive);
        run.Output.ShouldNotContain("AggregateException", Case.Sensitive);
    }

    [Theory]
    [InlineData("Providers:Clearbit:BaseUrl", "not-a-url")]
    [InlineData("Providers:Hunter:BaseUrl", "ftp://hunter.example.com")]
    public async Task Serve_WithAProviderBaseUrlItCouldNotCall_ExitsWith2NamingIt(string key, string value)
    {
        await using var serve = await TributaryProcess.RunAsync(["serve", "--urls", $"http://127.0.0.1:{TributaryProcess.FreePort()}", $"--{key}={value}"], NoSandbox);

        serve.ExitCode.ShouldBe(2, serve.Output);
        serve.Output.ShouldContain($"error: {key} must be an absolute http(s) URL.", Case.Sensitive);
    }

    [Theory]
    [InlineData("db", "migrate")]
    [InlineData("forget", "--email", "someone@example.com")]
    public async Task Verb_WithAStoreItCannotOpen_ExitsWith1PointingAtTheStoreSettings(params string[] verb)
    {
        await using var run = await TributaryProcess.RunAsync([.. verb, "--Storage:ConnectionString=Data Source=/no-such-directory/tributary.db"]);

        run.ExitCode.ShouldBe(1, run.Output);
        run.Output.ShouldContain("Storage:ConnectionString", Case.Sensitive);
    }

    [Fact]
    public async Task Serve_WithARuleThatNamesItsKey_NamesItOnce()
    {
        await using var serve = await TributaryProcess.RunAsync(["serve", "--urls", $"http://127.0.0.1:{TributaryProcess.FreePort()}", "--Alerts:WebhookUrl=ftp://alerts.example.com"], NoSandbox);

        serve.ExitCode.ShouldBe(2, serve.Output);
        serve.Output.ShouldContain("error: Alerts:WebhookUrl must be an absolute http(s) URL.", Case.Sensitive);
    }
}
