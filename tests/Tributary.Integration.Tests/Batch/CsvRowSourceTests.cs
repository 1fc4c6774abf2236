using Tributary.Host.Batch;
using Tributary.Host.Batch.Input;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Batch;

/// <summary>The CSV reader alone: what it makes of quoting, line breaks and runaway quotes.</summary>
public sealed class CsvRowSourceTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private List<InputRow> Read(string content, out IReadOnlyList<string> columns)
    {
        var path = _directory.File(Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, content);
        using var source = CsvRowSource.Open(path);
        columns = source.Columns;
        var rows = new List<InputRow>();
        while (source.Read() is { } row)
        {
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public void Read_QuotedFieldsWithCommasQuotesAndLineBreaks()
    {
        var rows = Read("a,b\r\n\"1,2\",\"say \"\"hi\"\"\"\r\n\"multi\r\nline\",x\r\n", out var columns);

        columns.ShouldBe(["a", "b"]);
        rows.Select(r => r.Values).ShouldBe([["1,2", "say \"hi\""], ["multi\nline", "x"]]);
        rows.Select(r => r.Line).ShouldBe([2, 3]);
    }

    [Fact]
    public void Read_UnterminatedQuote_RejectsOneLineAndReadsTheRest()
    {
        var rows = Read("a,b\n\"open,1\n2,3\n4,5\n", out _);

        rows[0].Rejection.ShouldNotBeNull().ShouldContain("unterminated");
        rows[0].Line.ShouldBe(2);
        rows.Skip(1).Select(r => r.Values).ShouldBe([["2", "3"], ["4", "5"]]);
        rows.Skip(1).Select(r => r.Line).ShouldBe([3, 4]);
    }

    [Fact]
    public void Read_RunawayQuoteInALongFile_GivesUpAfterTheFieldLimit()
    {
        var content = "a,b\n\"runaway,1\n" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"{i},x\n"));

        var rows = Read(content, out _);

        rows[0].Rejection.ShouldNotBeNull();
        rows.Count(r => r.Rejection is null).ShouldBe(2000);
    }

    [Fact]
    public void Read_HeaderOnlyOrEmpty()
    {
        Read("a,b\n", out var columns).ShouldBeEmpty();
        columns.ShouldBe(["a", "b"]);
        Should.Throw<BatchInputException>(() => Read("\n\n", out _));
    }

    [Fact]
    public void Read_BlankAndDuplicateHeaders_AreNamed()
    {
        Read("email,,Email, email \n", out var columns);

        columns.ShouldBe(["email", "column_2", "Email_2", "email_3"]);
    }
}
