using System.Text.Json;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Cli;

/// <summary>The one-shot verbs and their exit codes, run as a user runs them.</summary>
public sealed class CliProcessTests
{
    [Fact]
    public async Task Lookup_Json_PrintsTheNestedProfileInSandboxMode()
    {
        await using var lookup = await TributaryProcess.RunAsync(["lookup", "--email", SampleIdentifiers.JaneDoeEmail, "--json"]);

        lookup.ExitCode.ShouldBe(0, lookup.Output);
        using var document = JsonDocument.Parse(lookup.StandardOutput);
        document.RootElement.GetProperty("person").GetProperty("fullName").GetProperty("value").GetString().ShouldBe("Jane Doe");
        document.RootElement.GetProperty("providers").GetArrayLength().ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Lookup_Table_ShowsFieldsSourcesAndProviderStatuses()
    {
        await using var lookup = await TributaryProcess.RunAsync(["lookup", "--email", SampleIdentifiers.JaneDoeEmail]);

        lookup.ExitCode.ShouldBe(0, lookup.Output);
        lookup.Output.ShouldContain("person.fullName");
        lookup.Output.ShouldContain("Jane Doe");
        lookup.Output.ShouldContain("clearbit");
        lookup.Output.ShouldContain("matched");
    }

    [Theory]
    [InlineData("lookup", "--email", "not-an-email")]
    [InlineData("lookup")]
    [InlineData("lookup", "--email", "jane.doe@acme.com", "--providers", "nosuch")]
    [InlineData("lookup", "--timeout-ms", "soon")]
    [InlineData("frobnicate")]
    public async Task BadArguments_ExitWith2(params string[] args)
    {
        await using var run = await TributaryProcess.RunAsync(args);

        run.ExitCode.ShouldBe(2, run.Output);
    }

    [Theory]
    [InlineData("not a dead letter's ID", "dlq", "replay", "nosuch")]
    [InlineData("not a dead letter's ID", "dlq", "replay", "-3")]
    [InlineData("there is no dead letter 987654", "dlq", "replay", "987654")]
    [InlineData("give either an ID or --all", "dlq", "replay")]
    [InlineData("give either an ID or --all", "dlq", "replay", "1", "--all")]
    public async Task DlqReplay_WithoutOneKnownDeadLetterOrAll_ExitsWith2Saying(string says, params string[] args)
    {
        using var directory = new TempDirectory();

        await using var run = await TributaryProcess.RunAsync(args, workingDirectory: directory.Path);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain(says, Case.Sensitive);
        run.Output.ShouldNotContain("System.Int64", Case.Sensitive);
    }

    [Theory]
    [InlineData("empty.csv", "")]
    [InlineData("blank.csv", "\n\n")]
    public async Task Stage_AFileWithoutAHeaderLine_ExitsWith2WithAMessage(string name, string content)
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.File(name), content);

        await using var run = await TributaryProcess.RunAsync(["stage", name], workingDirectory: directory.Path);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain("error: FILE:");
        run.Output.ShouldNotContain("Exception");
    }

    [Theory]
    [InlineData()]
    [InlineData("--map", "jane.doe@acme.com=email")]
    public async Task Enrich_AFileWithoutAHeaderLine_ExitsWith2_WithoutTakingItsFirstRecordForAHeader_OrPrintingIt(params string[] map)
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.File("contacts.csv"), "jane.doe@acme.com,Jane Doe\nbob.smith@globex.com,Bob Smith\n");

        await using var run = await TributaryProcess.RunAsync(["enrich", "contacts.csv", "--out", "out.csv", .. map], workingDirectory: directory.Path);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain("looks like a record, not a header");
        run.Output.ShouldNotContain("jane.doe@acme.com");
        File.Exists(directory.File("out.csv")).ShouldBeFalse();
    }

    [Fact]
    public async Task Stage_ARecordWithNothingThatCanBeLookedUp_IsSkippedAndReported()
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.File("backfill.csv"), "source,email,phone\nnone,not-an-email,\nnone,jane.doe@acme.com,\n");

        await using var run = await TributaryProcess.RunAsync(["stage", "backfill.csv"], workingDirectory: directory.Path);

        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldContain("line 2: a record with source 'none' needs a valid email or phone");
        run.Output.ShouldContain("Staged 1 records; 1 lines skipped.");
        run.Output.ShouldNotContain("not-an-email");
    }

    [Fact]
    public async Task Stage_ARecordOnSeveralLines_IsCountedOnce()
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.File("backfill.csv"), "source,email\nnone,a.one@example.org\nnone,a.one@example.org\nnone,b.two@example.org\n");

        await using var run = await TributaryProcess.RunAsync(["stage", "backfill.csv"], workingDirectory: directory.Path);

        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldContain("Staged 2 records (1 lines repeated a record already given: its last line counts); 0 lines skipped.", Case.Sensitive);
    }

    [Fact]
    public async Task AProviderSwitchedOnWithoutCredentials_ExitsWith2NamingTheSetting()
    {
        await using var run = await TributaryProcess.RunAsync(
            ["lookup", "--email", SampleIdentifiers.JaneDoeEmail],
            new Dictionary<string, string?> { ["Sandbox__Enabled"] = "false", ["Providers__Clearbit__Enabled"] = "true" });

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain("Providers:Clearbit:Enabled is true, but its credentials are not set");
    }

    [Theory]
    [InlineData("Enrichment__TimeoutMs", "-5", "TimeoutMs")]
    [InlineData("Enrichment__TimeoutMs", "abc", "Enrichment:TimeoutMs")]
    [InlineData("Enrichment__Mode", "bogus", "Enrichment:Mode")]
    public async Task BadConfiguration_ExitsWith2NamingTheSetting(string variable, string value, string named)
    {
        await using var run = await TributaryProcess.RunAsync(
            ["lookup", "--email", SampleIdentifiers.JaneDoeEmail],
            new Dictionary<string, string?> { [variable] = value });

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain(named);
    }

    [Fact]
    public async Task Serve_OpenOnANonLoopbackAddress_ExitsWith2NamingTheSetting()
    {
        await using var run = await TributaryProcess.RunAsync(["serve", "--urls", "http://0.0.0.0:0"], new Dictionary<string, string?> { ["Sandbox__Enabled"] = "false" });

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain("Gateway:ApiKeys");
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("lookup")]
    [InlineData("providers")]
    [InlineData("sandbox")]
    public async Task Help_DescribesEachVerb(string verb)
    {
        await using var run = await TributaryProcess.RunAsync([verb, "--help"]);

        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldContain("Usage:");
        run.Output.ShouldContain(verb);
    }

    [Fact]
    public async Task Providers_Json_ListsEachProviderWithCircuitAndBudget()
    {
        await using var run = await TributaryProcess.RunAsync(["providers", "--json"]);

        run.ExitCode.ShouldBe(0, run.Output);
        using var document = JsonDocument.Parse(run.StandardOutput);
        var clearbit = document.RootElement.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "clearbit");
        clearbit.GetProperty("enabled").GetBoolean().ShouldBeTrue();
        clearbit.GetProperty("circuit").GetString().ShouldBe("closed");
        clearbit.GetProperty("perMinute").GetInt32().ShouldBe(600);
    }
}
