using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Cli;

/// <summary>
/// An <c>--out</c> that cannot be written is bad arguments (exit code 2) naming the option and why, found before any
/// work starts, for <c>enrich</c> and both exports.
/// </summary>
public sealed class OutPathProcessTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public OutPathProcessTests()
    {
        File.WriteAllText(_directory.File("contacts.csv"), "email\njane.doe@acme.com\n");
        Directory.CreateDirectory(_directory.File("taken.csv"));
        Directory.CreateDirectory(_directory.File("taken.json"));
    }

    public static TheoryData<string, string, string> Unwritable => new()
    {
        { "enrich contacts.csv", "no-such-dir/out.csv", "does not exist" },
        { "enrich contacts.csv", "taken.csv", "is a directory" },
        { "enrich contacts.csv", "/proc/out.csv", "cannot write /proc/out.csv" },
        { "export genesys-data-action", "no-such-dir/out.json", "does not exist" },
        { "export genesys-data-action", "taken.json", "is a directory" },
        { "export genesys-data-action", "/proc/out.json", "cannot write /proc/out.json" },
        { "export cxone-snippet", "no-such-dir/out.json", "does not exist" },
        { "export cxone-snippet", "taken.json", "is a directory" },
        { "export cxone-snippet", "/proc/out.json", "cannot write /proc/out.json" },
    };

    [Theory]
    [MemberData(nameof(Unwritable))]
    public async Task OutThatCannotBeWritten_ExitsWith2NamingOutAndWhy(string verb, string outPath, string why)
    {
        await using var run = await TributaryProcess.RunAsync([.. verb.Split(' '), "--out", outPath], workingDirectory: _directory.Path);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain("error: --out: ", Case.Sensitive);
        run.Output.ShouldContain(why, Case.Sensitive);
        run.Output.ShouldNotContain("Exception", Case.Sensitive);

        // Checked before any work: no store was opened, no simulators started.
        File.Exists(_directory.File("tributary.db")).ShouldBeFalse(run.Output);
        run.Output.ShouldNotContain("Sandbox mode", Case.Sensitive);
    }

    public void Dispose() => _directory.Dispose();
}
