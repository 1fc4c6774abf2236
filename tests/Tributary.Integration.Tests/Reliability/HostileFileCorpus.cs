using System.Text;
using CsCheck;

namespace Tributary.IntegrationTests.Reliability;

/// <summary>
/// Generated input files for <c>tributary enrich</c>: CSV and JSON-lines files mixing good rows with hostile ones
/// (<see cref="CsvEntries"/>, <see cref="JsonLinesEntries"/>) under LF, CRLF, CR-only or mixed line endings, with or
/// without a final line break; and files that cannot be enriched at all (empty, garbage bytes, no identifier column,
/// no JSON object), and header-only CSV files.
/// </summary>
internal sealed class HostileFileCorpus(IReadOnlyList<string> knownEmails, int maxRowsPerFile)
{
    /// <summary>A known person (matched by the simulators) or an address nobody knows (unmatched).</summary>
    private Gen<string> Email => Gen.OneOf(Gen.OneOf([.. knownEmails]), Gen.Int[1, 999_999].Select(n => $"fuzz{n}@example.org"));

    public Gen<FuzzFile> Files => Gen.Frequency<FuzzFile>(
        (20, CsvFiles),
        (20, JsonLinesFiles),
        (1, CsvHeaderOnly),
        (2, Unusable));

    private Gen<string> OutputName { get; } = Gen.OneOf("out.csv", "out.jsonl");

    private static Gen<string?> LineEnd { get; } = Gen.OneOf<string?>("\n", "\r\n", "\r", null);

    private Gen<FuzzFile> CsvFiles => Gen.Select(
        CsvEntries.Header,
        CsvEntries.Any(Email).List[1, maxRowsPerFile],
        LineEnd,
        Gen.OneOf("\n", "\r\n", "\r").Array[maxRowsPerFile + 1],
        Gen.Bool,
        OutputName,
        (header, entries, lineEnd, mixed, finalBreak, output) => Build("in.csv", output, header.Text, header.NameColumn, entries, lineEnd, mixed, finalBreak));

    /// <summary>JSON-lines files always hold one good object, or the run rightly stops for want of an identifier column.</summary>
    private Gen<FuzzFile> JsonLinesFiles => Gen.Select(
        JsonLinesEntries.Good(Email),
        JsonLinesEntries.Any(Email).List[0, maxRowsPerFile - 1],
        Gen.Int[0, maxRowsPerFile],
        LineEnd,
        Gen.OneOf("\n", "\r\n", "\r").Array[maxRowsPerFile + 1],
        Gen.Bool,
        OutputName,
        (good, entries, at, lineEnd, mixed, finalBreak, output) =>
        {
            entries.Insert(Math.Min(at, entries.Count), good);
            return Build("in.jsonl", output, string.Empty, "name", entries, lineEnd, mixed, finalBreak);
        });

    private Gen<FuzzFile> CsvHeaderOnly => Gen.Select(CsvEntries.Header, Gen.OneOf("", "\n", "\r\n\r\n", "\n  \n"), OutputName, (header, tail, output) =>
        new FuzzFile("in.csv", output, Encoding.UTF8.GetBytes(header.Text + tail), [], Usable: true, header.NameColumn));

    /// <summary>Files with nothing to enrich: the run must stop with exit code 2 and say why.</summary>
    private Gen<FuzzFile> Unusable => Gen.Select(
        Gen.OneOf("in.csv", "in.jsonl"),
        Gen.OneOf(
            Gen.Byte.Array[0, 4000],
            Gen.Const(Array.Empty<byte>()),
            Gen.Const("\uFEFF"u8.ToArray()),
            Gen.OneOf("\n\n\n", "  \r\n\t\r\n", "lorem,ipsum\nx,y\n", "[1,2]\n\"str\"\nnull\n\n", "{}\n{ }\n", "%PDF-1.7\n\u0000\u0001\u0002").Select(t => Encoding.UTF8.GetBytes(t)),
            Gen.OneOf(HostileValues.Garbage).Array[1, 20].Select(lines => Encoding.UTF8.GetBytes(string.Join("\n", lines)))),
        OutputName,
        (input, content, output) => new FuzzFile(input, output, content, [], Usable: false, "name"));

    /// <summary>
    /// Lays the entries out (refs r1, r2, … in order) and works out the physical line each row starts on the way the
    /// reader counts them: <c>\n</c>, <c>\r</c> and <c>\r\n</c> each end a line.
    /// </summary>
    private static FuzzFile Build(
        string input, string output, string header, string nameColumn, List<Func<string, CorpusEntry>> entries, string? lineEnd, string[] mixed, bool finalBreak)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(header));
        if (header.Length > 0)
        {
            bytes.AddRange(Encoding.ASCII.GetBytes(lineEnd ?? mixed[0]));
        }

        var placed = new List<(int Offset, CorpusEntry Entry)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i]("r" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            placed.Add((bytes.Count, entry));
            bytes.AddRange(entry.Bytes);
            if (i < entries.Count - 1 || finalBreak)
            {
                bytes.AddRange(Encoding.ASCII.GetBytes(lineEnd ?? mixed[(i + 1) % mixed.Length]));
            }
        }

        var rows = new List<FuzzRow>();
        long line = 1;
        var position = 0;
        foreach (var (offset, entry) in placed)
        {
            for (; position < offset; position++)
            {
                if (bytes[position] == '\r' || (bytes[position] == '\n' && (position == 0 || bytes[position - 1] != '\r')))
                {
                    line++;
                }
            }

            if (entry.Expectation is { } expectation)
            {
                rows.Add(new FuzzRow(line, entry.Kind, expectation, entry.Ref, entry.Name));
            }
        }

        return new FuzzFile(input, output, [.. bytes], rows, Usable: true, nameColumn);
    }
}
