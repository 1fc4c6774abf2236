using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using Tributary.IntegrationTests.Batch;
using Xunit.Abstractions;

namespace Tributary.IntegrationTests.Reliability;

/// <summary>
/// The file half of the hostile-input corpus: generated CSV and JSON-lines files (<see cref="HostileFileCorpus"/>;
/// CsCheck, seeded, a failure prints its seed and shrinks) run through the real <c>tributary enrich</c> process against
/// the provider simulators. Every run ends with exit code 0 (or 2, with a message, for a file with nothing to enrich),
/// never an unhandled exception; every row is accounted for: a good row is enriched, a hostile one enriched or rejected
/// with its line and a reason, nothing dropped, nothing invented; the output parses, and repeats the name cell as given.
/// CI runs about <see cref="DefaultRows"/> rows; <c>bench/reliability/fuzz.sh</c> sets <c>TRIBUTARY_FUZZ_FILE_ROWS</c>.
/// </summary>
public sealed partial class HostileFileFuzzTests(BatchSimulators simulators, ITestOutputHelper log) : IClassFixture<BatchSimulators>
{
    private const int DefaultRows = 300;
    private const int MaxRowsPerFile = 40;

    /// <summary>Fewer than the mean rows of a generated file, so the files sampled hold at least the rows asked for.</summary>
    private const int RowsPerFileAtLeast = 14;

    private readonly FuzzTotals _totals = new();

    [Fact]
    public async Task HostileFiles_NeverCrashTheRun_AndEveryRowIsEnrichedOrRejectedWithAReason()
    {
        var rows = int.TryParse(Environment.GetEnvironmentVariable("TRIBUTARY_FUZZ_FILE_ROWS"), CultureInfo.InvariantCulture, out var n) ? n : DefaultRows;
        var corpus = new HostileFileCorpus([.. simulators.People.Take(60).Select(p => p.Email)], MaxRowsPerFile);
        var clock = Stopwatch.StartNew();

        await corpus.Files.SampleAsync(CheckAsync, iter: (rows + RowsPerFileAtLeast - 1) / RowsPerFileAtLeast, threads: 2, print: f => f.Describe());

        log.WriteLine(_totals.Describe(clock.Elapsed));
    }

    private async Task CheckAsync(FuzzFile file)
    {
        using var cli = new EnrichCli(simulators);
        await File.WriteAllBytesAsync(cli.File(file.Input), file.Content);
        await using var run = await cli.RunAsync(file.Input, "--out", file.Output);
        var context = $"{file.Describe()}\n--- tributary said:\n{Clip(run.Output)}";

        run.Output.ShouldNotContain("Unhandled exception", Case.Insensitive, context);
        StackFrame().IsMatch(run.Output).ShouldBeFalse(context);
        if (!file.Usable)
        {
            run.ExitCode.ShouldBe(2, context);
            run.Output.ShouldContain("error: ", Case.Sensitive, context);
            _totals.Add(file, rejected: 0, enriched: 0);
            return;
        }

        run.ExitCode.ShouldBe(0, context);
        var output = OutputFile.Read(cli.File(file.Output), file.NameColumn, context);
        var rejects = OutputFile.ReadRejects(cli.File(file.Output + ".rejects.csv"), context);
        var byRef = file.Rows.ToDictionary(r => r.Ref);
        var byLine = file.Rows.ToDictionary(r => r.Line);

        var written = new HashSet<string>();
        foreach (var row in output)
        {
            byRef.TryGetValue(row.Ref, out var expected).ShouldBeTrue($"output row '{Clip(row.Ref)}' is no row of the input\n{context}");
            written.Add(row.Ref).ShouldBeTrue($"{row.Ref} written twice\n{context}");
            var what = $"{expected!.Ref} ({expected.Kind}, line {expected.Line}) is {row.Status}\n{context}";
            row.Status.ShouldBeOneOf(["matched", "unmatched", "rejected"], what);
            if (expected.Expectation == RowExpectation.Enriched)
            {
                row.Status.ShouldNotBe("rejected", what);
            }

            if (expected.Expectation == RowExpectation.Rejected || row.Status == "rejected")
            {
                row.Status.ShouldBe("rejected", what);
                rejects.ShouldContainKey(expected.Line, $"rejected without a line in the rejects file: {what}");
            }

            if (expected.Name is { } name)
            {
                row.Name.ShouldBe(name, $"name cell changed: {what}");
            }
        }

        foreach (var (line, reason) in rejects)
        {
            byLine.TryGetValue(line, out var expected).ShouldBeTrue($"a reject at line {line}, where no row starts: {reason}\n{context}");
            reason.ShouldNotBeNullOrWhiteSpace($"line {line} rejected without a reason\n{context}");
            expected!.Expectation.ShouldNotBe(RowExpectation.Enriched, $"good row {expected.Ref} (line {line}) rejected: {reason}\n{context}");
        }

        foreach (var row in file.Rows)
        {
            var what = $"{row.Ref} ({row.Kind}, line {row.Line}, {row.Expectation})\n{context}";
            (written.Contains(row.Ref) || rejects.ContainsKey(row.Line)).ShouldBeTrue($"dropped: {what}");
            if (row.Expectation == RowExpectation.Rejected)
            {
                rejects.ShouldContainKey(row.Line, $"not rejected: {what}");
            }
        }

        var summary = Summary().Match(run.StandardOutput);
        summary.Success.ShouldBeTrue(context);
        long.Parse(summary.Groups["rows"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture).ShouldBe(file.Rows.Count, context);
        long.Parse(summary.Groups["rejected"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture).ShouldBe(rejects.Count, context);
        _totals.Add(file, rejects.Count, output.Count(r => r.Status != "rejected"));
    }

    private static string Clip(string text) => text.Length <= 4000 ? text : text[..4000] + "…";

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    [GeneratedRegex(@": (?<rows>[\d,]+) rows in .*\n(?:.*\n)*?\s+rejected\s+(?<rejected>[\d,]+)")]
    private static partial Regex Summary();
}
