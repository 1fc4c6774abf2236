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
    [InlineData("Cache:Redis", "redis://127.0.0.1:6379")]
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
    public async Task Providers_WithAMisspelledProviderSection_ExitsWith2NamingIt()
    {
        await using var run = await TributaryProcess.RunAsync(["providers", "--Providers:Clearbitt:ApiKey=sk_typo"]);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain("Providers:Clearbitt is not a provider Tributary knows", Case.Sensitive);
        run.Output.ShouldNotContain("sk_typo", Case.Sensitive);
    }

    [Fact]
    public async Task Providers_WithAMisspelledKeyInsideAProviderSection_WarnsNamingIt_AndNotItsValue()
    {
        await using var run = await TributaryProcess.RunAsync(
        [
            "providers", "--Providers:Clearbit:ApiKy=sk_typo", "--Providers:Clearbit:RateLimit:PerMinit=5",
            "--Providers:Http:Crm:BaseUrl=http://127.0.0.1:9", "--Providers:Http:Crm:PathTemplate=/contacts?email={email}",
            "--Providers:Http:Crm:Mapping:loyaltyTier=$.tier", "--Providers:Http:Crm:Auth:Styl=bearer",
        ]);

        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldContain("Ignored settings no provider reads", Case.Sensitive);
        run.Output.ShouldContain("Providers:Clearbit:ApiKy", Case.Sensitive);
        run.Output.ShouldContain("Providers:Clearbit:RateLimit:PerMinit", Case.Sensitive);
        run.Output.ShouldContain("Providers:Http:Crm:Auth:Styl", Case.Sensitive);
        run.Output.ShouldNotContain("Mapping:loyaltyTier", Case.Sensitive);
        run.Output.ShouldNotContain("sk_typo", Case.Sensitive);
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
        // /proc exists and takes no new files: the setting is well-formed, and opening the store fails at run time.
        await using var run = await TributaryProcess.RunAsync([.. verb, "--Storage:ConnectionString=Data Source=/proc/tributary.db"]);

        run.ExitCode.ShouldBe(1, run.Output);
        run.Output.ShouldContain("Storage:ConnectionString", Case.Sensitive);
    }

    [Theory]
    [InlineData("db", "migrate")]
    [InlineData("dlq", "list")]
    public async Task Verb_WithAStoreInADirectoryThatDoesNotExist_ExitsWith2NamingTheSetting(params string[] verb)
    {
        await using var run = await TributaryProcess.RunAsync([.. verb, "--Storage:ConnectionString=Data Source=/no-such-directory/tributary.db"]);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain("error: Storage:ConnectionString names a database file in /no-such-directory, which does not exist.", Case.Sensitive);
    }

    [Theory]
    [InlineData("Username", "zoominfo-user", "Password is missing")]
    [InlineData("Password", "zoominfo-s3cret", "Username is missing")]
    public async Task Serve_WithHalfAZoomInfoPasswordLogin_ExitsWith2NamingWhatIsMissing(string setting, string value, string missing)
    {
        // Sandbox mode left to decide: half a login must neither disable ZoomInfo quietly nor be completed by the simulator's.
        await using var serve = await TributaryProcess.RunAsync(["serve", "--urls", $"http://127.0.0.1:{TributaryProcess.FreePort()}", $"--Providers:ZoomInfo:{setting}={value}"]);

        serve.ExitCode.ShouldBe(2, serve.Output);
        serve.Output.ShouldContain($"error: Providers:ZoomInfo: password login needs both Username and Password; {missing}.", Case.Sensitive);
        serve.Output.ShouldNotContain(value, Case.Sensitive);
    }

    [Theory]
    [InlineData("Pipeline:WriteBack:Policy:jobTittle=overwrite", "error: Pipeline:WriteBack:Policy:jobTittle: 'jobTittle' is not a flat field; the fields are name, firstName, ")]
    [InlineData("Pipeline:WriteBack:Policy:jobTitle=sometimes", "error: Pipeline:WriteBack:Policy:jobTitle must be fill-blank, overwrite or never (got 'sometimes').")]
    public async Task Serve_WithAWriteBackPolicyForNoFieldOrOfNoKind_ExitsWith2NamingTheKey(string setting, string error)
    {
        await using var serve = await TributaryProcess.RunAsync(["serve", "--urls", $"http://127.0.0.1:{TributaryProcess.FreePort()}", $"--{setting}"], NoSandbox);

        serve.ExitCode.ShouldBe(2, serve.Output);
        serve.Output.ShouldContain(error, Case.Sensitive);
    }

    [Theory]
    [InlineData("serve", "--Sandbox:Enabled=false")]
    [InlineData("lookup", "--email", "someone@example.com")]
    public async Task Verb_WithAnAppSettingsFileThatIsNotJson_ExitsWith2SayingWhere_WithoutItsValues(params string[] verb)
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(directory.Path, "appsettings.json"), """
            {
              "Providers": { "Clearbit": { "ApiKey": "sk_live_never_printed" } },
              "Enrichment": { "TimeoutMs": 500, "Mode" "waterfall" }
            }
            """);

        await using var run = await TributaryProcess.RunAsync(verb, workingDirectory: directory.Path);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain("appsettings.json': not valid JSON at line 3, position ", Case.Sensitive);
        run.Output.ShouldNotContain("sk_live_never_printed", Case.Sensitive);
        run.Output.ShouldNotContain("waterfall", Case.Sensitive);
    }

    [Fact]
    public async Task Lookup_WithAnAppSettingsFileMissingItsLastBrace_ExitsWith2SayingWhere()
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(directory.Path, "appsettings.json"), """{ "Enrichment": { "TimeoutMs": 500, }""");

        await using var run = await TributaryProcess.RunAsync(["lookup", "--email", "someone@example.com"], workingDirectory: directory.Path);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain($"error: Failed to load configuration from file '{Path.Combine(directory.Path, "appsettings.json")}': not valid JSON at line 1, position ", Case.Sensitive);
    }

    [Fact]
    public async Task Serve_WithASecretsDirectoryThatDoesNotExist_ExitsWith2NamingTheVariableAndThePath()
    {
        await using var serve = await TributaryProcess.RunAsync(
            ["serve", "--urls", $"http://127.0.0.1:{TributaryProcess.FreePort()}"],
            new Dictionary<string, string?> { ["TRIBUTARY_SECRETS_DIR"] = "/nonexistent/tributary-secrets" });

        serve.ExitCode.ShouldBe(2, serve.Output);
        serve.Output.ShouldContain("error: TRIBUTARY_SECRETS_DIR: the directory '/nonexistent/tributary-secrets' does not exist or is not a directory.", Case.Sensitive);
    }

    [Fact]
    public async Task Serve_WithARuleThatNamesItsKey_NamesItOnce()
    {
        await using var serve = await TributaryProcess.RunAsync(["serve", "--urls", $"http://127.0.0.1:{TributaryProcess.FreePort()}", "--Alerts:WebhookUrl=ftp://alerts.example.com"], NoSandbox);

        serve.ExitCode.ShouldBe(2, serve.Output);
        serve.Output.ShouldContain("error: Alerts:WebhookUrl must be an absolute http(s) URL.", Case.Sensitive);
    }
}
