using System.Text;

namespace Tributary.IntegrationTests.Reliability;

/// <summary>
/// One generated line (or lines, for a multi-line CSV field) before it is placed in a file: its bytes without the
/// final line break, and what the run must do with it. <see cref="Expectation"/> null: a blank line, which is no row.
/// </summary>
internal sealed record CorpusEntry(string Kind, RowExpectation? Expectation, byte[] Bytes, string Ref, string? Name, string LineEnd)
{
    public static CorpusEntry Text(string kind, RowExpectation? expectation, string text, string reference, string? name) =>
        new(kind, expectation, Encoding.UTF8.GetBytes(text), reference, name, "\n");

    /// <summary>Text with <paramref name="raw"/> bytes spliced in where <paramref name="text"/> has the marker <c>\u0001RAW\u0001</c>.</summary>
    public static CorpusEntry WithBytes(string kind, string text, byte[] raw, string reference)
    {
        var parts = text.Split(RawMarker);
        byte[] bytes = [.. Encoding.UTF8.GetBytes(parts[0]), .. raw, .. Encoding.UTF8.GetBytes(parts[1])];
        return new(kind, RowExpectation.Rejected, bytes, reference, null, "\n");
    }

    public const string RawMarker = "\u0001RAW\u0001";
}
