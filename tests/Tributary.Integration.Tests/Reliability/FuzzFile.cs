using System.Text;

namespace Tributary.IntegrationTests.Reliability;

/// <summary>What the run must do with a generated row.</summary>
internal enum RowExpectation
{
    /// <summary>A good row: in the output, matched or unmatched, never rejected.</summary>
    Enriched,

    /// <summary>Unacceptable: in the rejects file with its line and a reason (and, if it could be read, in the output as rejected).</summary>
    Rejected,

    /// <summary>Hostile but readable: enriched, or rejected with a reason; either way accounted for.</summary>
    Either,
}

/// <summary>
/// One row of a generated file: the physical line it starts on, the value of its first column (how its output row is
/// found), and the name cell the output must repeat unchanged, when that is checked.
/// </summary>
internal sealed record FuzzRow(long Line, string Kind, RowExpectation Expectation, string Ref, string? Name);

/// <summary>
/// A generated input file and what its run must produce. <see cref="Usable"/> false: the file cannot be enriched at
/// all (empty, garbage, no identifier column), so the run must stop with exit code 2 and a message.
/// <see cref="NameColumn"/> is the output column that repeats the input's name cell.
/// </summary>
internal sealed record FuzzFile(string Input, string Output, byte[] Content, IReadOnlyList<FuzzRow> Rows, bool Usable, string NameColumn)
{
    /// <summary>For a failure report: the rows' kinds and lines, and the start of the file with its bytes made visible.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(Input).Append(" → ").Append(Output).Append(", ").Append(Content.Length).Append(" bytes, usable ").Append(Usable).AppendLine();
        foreach (var row in Rows)
        {
            text.Append("  line ").Append(row.Line).Append(' ').Append(row.Ref).Append(' ').Append(row.Kind).Append(' ').Append(row.Expectation).AppendLine();
        }

        var head = Encoding.UTF8.GetString(Content, 0, Math.Min(Content.Length, 3000));
        foreach (var c in head)
        {
            text.Append(c switch
            {
                '\n' => "\\n\n",
                '\r' => "\\r",
                < ' ' or '\uFFFD' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }
}
