using System.Text;

namespace Tributary.IntegrationTests.Batch;

/// <summary>A file with everything wrong a real export can have: no bad row stops the run, and every good row comes out.</summary>
public sealed class HostileFileTests : IClassFixture<BatchSimulators>, IDisposable
{
    private readonly BatchSimulators _simulators;
    private readonly EnrichCli _cli;

    public HostileFileTests(BatchSimulators simulators)
    {
        _simulators = simulators;
        simulators.Reset();
        _cli = new EnrichCli(simulators);
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Enrich_HostileFile_RejectsBadRowsWithLineAndReason_AndEnrichesEveryGoodRow()
    {
        var people = _simulators.People;
        var lines = new[]
        {
            "\uFEFFEmail,Name,Email,Company",                                           // 1: BOM, duplicate header
            $"{people[0].Email},Jane Doe,,Acme Inc",                                   // 2: good
            string.Empty,                                                              // 3: empty
            $"\"{people[1].Email}\",\"Luna \"\"L\"\" Martin\",,\"High Matrix Works\"", // 4: good, escaped quotes
            "\"broken@acme.com,Broken Quote,,Acme",                                    // 5: quote never closed on its line
            $"{people[2].Email},Mila Russo,,Golden Harbor Group",                      // 6: good, must survive line 5
            "x@acme.com,\"Name\"junk,,Acme",                                           // 7: text after a closing quote
            "abc\"def@acme.com,Q,,Acme",                                               // 8: quote inside an unquoted field
            $"{people[3].Email},{new string('x', 5000)},,Crimson",                     // 9: over-long field
            "\u0000\u0001 binary junk \u0002",                                         // 10: binary
            $"{people[4].Email},\"Owen",                                               // 11-12: a quoted field over two lines
            "Mensah\",,Silver Grove Analytics",
            ",,,",                                                                     // 13: no identifier
            "too,many,fields,here,extra,more",                                         // 14: more fields than the header
            $"{people[5].Email},Evelyn Schmidt",                                       // 15: fewer fields: padded
        };
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));
        bytes.AddRange([0xFF, 0xFE, 0xC3, (byte)'\n']); // 16: bytes that are not UTF-8
        File.WriteAllBytes(_cli.File("hostile.csv"), [.. bytes]);

        await using var run = await _cli.RunAsync("hostile.csv", "--out", "out.csv");

        run.ExitCode.ShouldBe(0, run.Output);
        var output = CsvTable.Read(_cli.File("out.csv"));
        output.Header.Take(4).ShouldBe(["Email", "Name", "Email_2", "Company"]);
        output.Rows.Select(r => r["Email"]).ShouldBe([people[0].Email, people[1].Email, people[2].Email, people[4].Email, string.Empty, people[5].Email]);
        output.Rows[1]["Name"].ShouldBe("Luna \"L\" Martin");
        output.Rows[3]["Name"].ShouldBe("Owen\nMensah");
        output.Rows.Where(r => r["Email"].Length > 0).ShouldAllBe(r => r["status"] == "matched" || r["status"] == "unmatched");
        output.Rows[0]["enriched_name"].ShouldBe("Jane Doe");
        output.Rows[4]["status"].ShouldBe("rejected");

        var rejects = CsvTable.Read(_cli.File("out.csv.rejects.csv")).Rows.ToDictionary(r => int.Parse(r["line"], System.Globalization.CultureInfo.InvariantCulture), r => r["reason"]);
        rejects.Keys.Order().ShouldBe([5, 7, 8, 9, 10, 13, 14, 16]);
        rejects[5].ShouldContain("quot");
        rejects[7].ShouldContain("after the closing quote");
        rejects[8].ShouldContain("quote inside");
        rejects[9].ShouldContain("longer than 4096");
        rejects[10].ShouldContain("binary");
        rejects[13].ShouldContain("No identifier");
        rejects[14].ShouldContain("6 fields where the header has 4");
        rejects[16].ShouldContain("binary");
        run.StandardOutput.ShouldContain("rejected            8");
    }
}
