using CsCheck;
using static Tributary.IntegrationTests.Reliability.RowExpectation;
using EntryGen = CsCheck.Gen<System.Func<string, Tributary.IntegrationTests.Reliability.CorpusEntry>>;

namespace Tributary.IntegrationTests.Reliability;

/// <summary>
/// Generated rows of a CSV file whose header is <c>ref,email,name,company,phone</c> (under synonyms): good rows, and
/// every kind of hostile row, each knowing what the run must do with it. A row is made from its ref (<c>r7</c>),
/// which its first cell carries so its output row can be found.
/// </summary>
internal static class CsvEntries
{
    /// <summary>The longest line the reader keeps (<c>InputLimits.MaxLineChars</c>).</summary>
    private const int MaxLineChars = 1024 * 1024;

    public static EntryGen Any(Gen<string> email)
    {
        var name = Gen.OneOf(HostileValues.Names);
        var readable = Gen.OneOf(HostileValues.Readable);
        return Gen.Frequency<Func<string, CorpusEntry>>(
            (30, Gen.Select(email, name, (e, n) => Make(r => Text("good", Enriched, Line(r, e, n, "Acme Inc", ""), r, n)))),
            (8, Gen.Select(email, readable, (e, h) => Make(r => Text("hostile name", Either, Line(r, e, h, "Acme Inc", ""), r, Newlines(h))))),
            (4, Gen.Select(readable, name, (h, n) => Make(r => Text("hostile email", Either, Line(r, h, n, "Acme Inc", ""), r, n)))),
            (3, Gen.Select(email, readable, readable, (e, c, p) => Make(r => Text("hostile company and phone", Either, Line(r, e, "Jane Doe", c, p), r, "Jane Doe")))),
            (3, email.Select(e => Make(r => Text("too few fields", Enriched, $"{r},{e}", r, string.Empty)))),
            (2, Gen.Select(email, name, Gen.Int[1, 6], (e, n, k) => Make(r => Text("trailing empty fields", Enriched, Line(r, e, n, "Acme", "") + new string(',', k), r, n)))),
            (3, name.Select(n => Make(r => Text("no identifier", Rejected, Line(r, string.Empty, n, string.Empty, string.Empty), r, n)))),
            (3, Gen.Select(email, Gen.Int[1, 5], (e, k) => Make(r => Text("too many fields", Rejected, Line(r, e, "N", "C", "P") + string.Concat(Enumerable.Repeat(",extra", k)), r, null)))),
            (4, Gen.Select(email, Gen.OneOf(HostileValues.Control), Gen.Bool, (e, c, inEmail) => Make(r =>
                Text("control characters", Rejected, inEmail ? Line(r, c + e, "Jo", "Acme", "") : Line(r, e, "Jo" + c + "hn", "Acme", ""), r, null)))),
            (4, Gen.Select(email, Gen.OneOf(HostileValues.NotUtf8), Gen.Byte[0x80, 0xFF].Array[0, 12], (e, bad, noise) => Make(r =>
                CorpusEntry.WithBytes("invalid UTF-8", $"{r},{e},Jo{CorpusEntry.RawMarker}hn,Acme,", [.. bad, .. noise, 0xFE], r)))),
            (3, Gen.Select(email, Gen.Int[4097, 200_000], Gen.Bool, (e, n, quoted) => Make(r =>
                Text("huge field", Rejected, $"{r},{e},{(quoted ? "\"" + new string('x', n) + "\"" : new string('x', n))},Acme,", r, null)))),
            (1, email.Select(e => Make(r => Text("line over 1 MiB", Rejected, $"{r},{e},{new string('y', MaxLineChars + 16)},Acme,", r, null)))),
            (3, Gen.Select(email, Gen.Bool, (e, inEmail) => Make(r =>
                Text("unbalanced quote", Rejected, inEmail ? $"{r},\"{e},Jane Doe,Acme," : $"{r},{e},\"Unclosed name,Acme,", r, null)))),
            (2, email.Select(e => Make(r => Text("text after closing quote", Rejected, $"{r},{e},\"Name\"junk,Acme,", r, null)))),
            (2, email.Select(e => Make(r => Text("quote inside unquoted field", Rejected, $"{r},ab\"cd{e},Name,Acme,", r, null)))),
            (3, Gen.OneOf(string.Empty, "   ", "\t").Select(blank => Make(r => Text("blank line", null, blank, r, null)))),
            (2, Gen.Select(email, Gen.OneOf("\n", "\r\n", "\r"), Gen.Int[1, 3], (e, separator, breaks) => Make(r =>
            {
                var value = "Owen" + string.Concat(Enumerable.Repeat(separator, breaks)) + "Mensah";
                return Text("multi-line quoted field", Enriched, Line(r, e, value, "Silver Grove", ""), r, Newlines(value));
            }))),
            (2, Gen.OneOf(HostileValues.Garbage).Select(g => Make(r => Text("garbage line", Rejected, $"{r} {g}", $"{r} {g}", null)))));
    }

    /// <summary>A header naming the columns by one of their synonyms, maybe behind a BOM; and the name column's output name.</summary>
    public static Gen<(string Text, string NameColumn)> Header { get; } = Gen.Select(
        Gen.Bool,
        Gen.OneOf("email", "Email", "E-mail Address", "work_email", " EMAIL "),
        Gen.OneOf("name", "Full Name", "fullname"),
        Gen.OneOf("company", "Organisation", "Company Name"),
        Gen.OneOf("phone", "Mobile Phone", "telephone"),
        (bom, email, name, company, phone) => ((bom ? "\uFEFF" : string.Empty) + $"ref,{email},{name},{company},{phone}", name.Trim()));

    /// <summary>One CSV record, each cell quoted only where it must be.</summary>
    private static string Line(params string[] cells) => string.Join(",", cells.Select(Cell));

    private static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>A value as the reader gives it back: a line break inside a quoted field becomes <c>\n</c>.</summary>
    private static string Newlines(string value) => value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static CorpusEntry Text(string kind, RowExpectation? expectation, string text, string reference, string? name) =>
        CorpusEntry.Text(kind, expectation, text, reference, name);

    private static Func<string, CorpusEntry> Make(Func<string, CorpusEntry> make) => make;
}
