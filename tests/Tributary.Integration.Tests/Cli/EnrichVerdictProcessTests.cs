using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Cli;

/// <summary>
/// What <c>enrich</c> says of a run a user would misread: one where no provider could answer, one that names a provider
/// that is off, options that would overwrite each other, and an input that already has the output's column names.
/// </summary>
public sealed class EnrichVerdictProcessTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private SandboxSimulators _simulators = null!;

    public async Task InitializeAsync()
    {
        _simulators = await SandboxSimulators.StartAsync();
        File.WriteAllText(_directory.File("contacts.csv"), $"email\n{SampleIdentifiers.JaneDoeEmail}\nnobody@unknown-company.com\n");
    }

    public async Task DisposeAsync() => await _simulators.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    private Dictionary<string, string?> Clearbit(string apiKey) => new()
    {
        ["Providers__Clearbit__ApiKey"] = apiKey,
        ["Providers__Clearbit__BaseUrl"] = _simulators.Clearbit.BaseUrl,
    };

    [Fact]
    public async Task ARunWhereNoProviderCouldAnswer_ExitsWith1_AndSaysWhichProviderAndWhy()
    {
        await using var run = await TributaryProcess.RunAsync(
            ["enrich", "contacts.csv", "--out", "out.csv"], Clearbit("sk_wrong_key"), workingDirectory: _directory.Path);

        run.ExitCode.ShouldBe(1, run.Output);
        run.Output.ShouldContain("clearbit: unauthorized in 2 rows", Case.Sensitive);
        run.Output.ShouldContain("no row could be enriched", Case.Sensitive);
        run.Output.ShouldNotContain("sk_wrong_key", Case.Sensitive);
        File.ReadAllLines(_directory.File("out.csv")).Length.ShouldBe(3, "every row is still written, marked failed");
    }

    [Fact]
    public async Task ARunThatEnriched_ExitsWith0()
    {
        await using var run = await TributaryProcess.RunAsync(
            ["enrich", "contacts.csv", "--out", "out.csv"], Clearbit(_simulators.Options.ClearbitApiKey), workingDirectory: _directory.Path);

        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldNotContain("clearbit: ", Case.Sensitive);
    }

    [Fact]
    public async Task AProviderThatIsNotEnabled_IsRefusedBeforeAnyWork()
    {
        await using var run = await TributaryProcess.RunAsync(
            ["enrich", "contacts.csv", "--out", "out.csv", "--providers", "hunter"], Clearbit(_simulators.Options.ClearbitApiKey), workingDirectory: _directory.Path);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain("error: --providers: 'hunter' is not enabled", Case.Sensitive);
        File.Exists(_directory.File("out.csv")).ShouldBeFalse();
    }

    [Fact]
    public async Task NoProviderEnabled_IsRefusedBeforeAnyWork()
    {
        await using var run = await TributaryProcess.RunAsync(
            ["enrich", "contacts.csv", "--out", "out.csv"], new Dictionary<string, string?> { ["Sandbox__Enabled"] = "false" }, workingDirectory: _directory.Path);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain("error: no provider is enabled", Case.Sensitive);
        File.Exists(_directory.File("out.csv")).ShouldBeFalse();
    }

    [Fact]
    public async Task RejectsNamedLikeOut_IsRefusedBeforeAnyWork()
    {
        await using var run = await TributaryProcess.RunAsync(["enrich", "contacts.csv", "--out", "same.csv", "--rejects", "same.csv"], workingDirectory: _directory.Path);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain("error: --rejects must not be the --out file.", Case.Sensitive);
    }

    [Fact]
    public async Task ASecondRunWritingTheSameOut_IsRefused_AndTheFirstFinishes()
    {
        _simulators.Clearbit.Faults.LatencyMs = 3_000;
        await using var first = TributaryProcess.Start(
            ["enrich", "contacts.csv", "--out", "out.csv"], Clearbit(_simulators.Options.ClearbitApiKey), workingDirectory: _directory.Path);
        await Eventually.TrueAsync(() => File.Exists(_directory.File("out.csv.partial")), "the first run to open its output");

        await using var second = await TributaryProcess.RunAsync(
            ["enrich", "contacts.csv", "--out", "out.csv"], Clearbit(_simulators.Options.ClearbitApiKey), workingDirectory: _directory.Path);
        await first.WaitForExitAsync(TimeSpan.FromSeconds(60));

        second.ExitCode.ShouldBe(1, second.Output);
        second.Output.ShouldContain("out.csv is being written by another run", Case.Sensitive);
        first.ExitCode.ShouldBe(0, first.Output);
        File.ReadAllLines(_directory.File("out.csv")).Length.ShouldBe(3);
    }

    [Fact]
    public async Task AnEarlierRunsOutput_EnrichedAgain_GetsColumnNamesOfItsOwn()
    {
        await using (var first = await TributaryProcess.RunAsync(
            ["enrich", "contacts.csv", "--out", "once.jsonl"], Clearbit(_simulators.Options.ClearbitApiKey), workingDirectory: _directory.Path))
        {
            first.ExitCode.ShouldBe(0, first.Output);
        }

        await using var second = await TributaryProcess.RunAsync(
            ["enrich", "once.jsonl", "--out", "twice.csv"], Clearbit(_simulators.Options.ClearbitApiKey), workingDirectory: _directory.Path);

        second.ExitCode.ShouldBe(0, second.Output);
        second.Output.ShouldContain("rejected            0", Case.Sensitive);
        var header = File.ReadLines(_directory.File("twice.csv")).First().Split(',');
        header.Length.ShouldBe(header.Distinct(StringComparer.OrdinalIgnoreCase).Count(), string.Join(",", header));
        header.ShouldContain("enriched_email_2");
    }
}
