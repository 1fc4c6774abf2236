using System.Globalization;
using System.Text;
using CsvHelper;

namespace Tributary.Host.Batch.Output;

/// <summary>The rejects file: <c>line,reason,raw</c>, one row per input row that was not enriched as given.</summary>
internal sealed class RejectsWriter : IAsyncDisposable
{
    private readonly StreamWriter _writer;
    private readonly CsvWriter _csv;

    public RejectsWriter(Stream stream)
    {
        _writer = new StreamWriter(stream, new UTF8Encoding(false), 16 * 1024);
        _csv = new CsvWriter(_writer, CultureInfo.InvariantCulture);
        _csv.WriteField("line");
        _csv.WriteField("reason");
        _csv.WriteField("raw");
        _csv.NextRecord();
    }

    public void Write(long line, string reason, string raw)
    {
        _csv.WriteField(line);
        _csv.WriteField(reason);
        _csv.WriteField(raw);
        _csv.NextRecord();
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await _csv.FlushAsync();
        await _writer.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _csv.DisposeAsync();
        await _writer.DisposeAsync();
    }
}
