using Tributary.Host.Batch.Input;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Batch;

/// <summary>The JSON-lines reader alone: lines that are JSON but hold no string to read.</summary>
public sealed class JsonLinesRowSourceTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Read_LoneSurrogateEscapeInAValueOrKey_RejectsThatLineAndReadsTheRest()
    {
        // Found by the hostile-file corpus: System.Text.Json parses these lines, then throws InvalidOperationException
        // (not JsonException) when the string is read, which stopped the whole run with exit code 1.
        var path = _directory.File("lone.jsonl");
        File.WriteAllText(path, string.Join("\n",
            """{"email":"a@acme.com","name":"Ann"}""",
            """{"email":"b@acme.com","name":"Jo\ud800"}""",
            """{"email":"c@acme.com","\udc00":1}""",
            """{"email":"d@acme.com","name":"Dee"}"""));

        var (columns, rows) = ReadAll(path);

        columns.ShouldBe(["email", "name"]);
        rows.Select(r => r.Line).ShouldBe([1, 2, 3, 4]);
        rows.Select(r => r.Values?[1]).ShouldBe(["Ann", null, null, "Dee"]);
        rows[1].Rejection.ShouldBe("malformed JSON: a \\u escape that is half of a surrogate pair");
        rows[2].Rejection.ShouldBe("malformed JSON: a \\u escape that is half of a surrogate pair");
    }

    [Fact]
    public void Read_AMemberGivenTwice_RejectsThatLine_AsTheApiRefusesSuchABody()
    {
        var path = _directory.File("twice.jsonl");
        File.WriteAllText(path, string.Join("\n",
            """{"email":"a@acme.com","name":"Ann"}""",
            """{"email":"jane@acme.com","email":"b@c.com"}""",
            """{"email":"d@acme.com","name":"Dee","Email":"other"}""",
            """{"EMAIL":"e@acme.com","Name":"Eve"}"""));

        var (columns, rows) = ReadAll(path);

        // As the API reads members: names differing only in case are one member, so one column.
        columns.ShouldBe(["email", "name"]);
        rows.Select(r => r.Rejection).ShouldBe([null, "member 'email' appears twice", "member 'Email' appears twice", null]);
        rows[3].Values.ShouldBe(["e@acme.com", "Eve"]);
    }

    private static (IReadOnlyList<string> Columns, List<InputRow> Rows) ReadAll(string path)
    {
        using var source = JsonLinesRowSource.Open(path);
        var rows = new List<InputRow>();
        while (source.Read() is { } row)
        {
            rows.Add(row);
        }

        return (source.Columns, rows);
    }
}
