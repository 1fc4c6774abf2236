using System.Globalization;
using System.Text;
using CsvHelper;
using Tributary.Host.Batch.Input;
using Tributary.Host.BatchPump;

namespace Tributary.Host.Batch.Output;

/// <summary>CSV with a header, UTF-8 without BOM, quoted where needed. Unknown numbers are <c>0</c>, unknown text empty.</summary>
internal sealed class CsvRowSink : IRowSink
{
    private readonly StreamWriter _writer;
    private readonly CsvWriter _csv;
    private readonly OutputLayout _layout;

    public CsvRowSink(Stream stream, OutputLayout layout)
    {
        _layout = layout;
        _writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024);
        _csv = new CsvWriter(_writer, CultureInfo.InvariantCulture);
        foreach (var column in layout.AllColumns)
        {
            _csv.WriteField(column);
        }

        _csv.NextRecord();
    }

    public ValueTask WriteAsync(EnrichedRecord<InputRow> row, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _layout.InputColumns.Count; i++)
        {
            _csv.WriteField(RowValues.Input(row, i));
        }

        var answer = RowValues.Answer(row);
        foreach (var field in _layout.Fields)
        {
            _csv.WriteField(RowValues.Text(field, answer));
        }

        _csv.WriteField(RowValues.Status(row));
        _csv.WriteField(answer.Source);
        _csv.WriteField(RowValues.Confidence(answer));
        _csv.WriteField(RowValues.Partial(answer));
        _csv.NextRecord();
        return ValueTask.CompletedTask;
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
