using Parquet;
using Parquet.Schema;

namespace Tributary.Host.Batch.Output;

/// <summary>
/// Parquet, written in row groups of <see cref="RowGroupSize"/> rows so memory stays flat: input and text columns
/// as strings, <c>employeeCount</c> as a nullable int64, <c>confidence</c> as a nullable double.
/// </summary>
internal sealed class ParquetRowSink : IRowSink
{
    public const int RowGroupSize = 10_000;

    private readonly Stream _stream;
    private readonly OutputLayout _layout;
    private readonly DataField[] _fields;
    private readonly string?[][] _text;
    private readonly long?[] _employees;
    private readonly double?[] _confidence;
    private readonly int _employeeField;
    private ParquetWriter? _writer;
    private int _count;

    public ParquetRowSink(Stream stream, OutputLayout layout)
    {
        _stream = stream;
        _layout = layout;
        var fields = new List<DataField>();
        fields.AddRange(layout.InputColumns.Select(c => new DataField<string>(c)));
        for (var i = 0; i < EnrichedField.All.Count; i++)
        {
            fields.Add(EnrichedField.All[i].IsNumber ? new DataField<long?>(layout.EnrichedColumns[i]) : new DataField<string>(layout.EnrichedColumns[i]));
        }

        fields.Add(new DataField<string>(layout.StatusColumn));
        fields.Add(new DataField<string>(layout.SourceColumn));
        fields.Add(new DataField<double?>(layout.ConfidenceColumn));
        _fields = [.. fields];
        _employeeField = layout.InputColumns.Count + EnrichedField.All.ToList().FindIndex(f => f.IsNumber);

        // One text buffer per string column: every column but the two numeric ones, which have their own.
        _text = new string?[_fields.Length][];
        for (var i = 0; i < _fields.Length; i++)
        {
            _text[i] = i == _employeeField || i == _fields.Length - 1 ? [] : new string?[RowGroupSize];
        }

        _employees = new long?[RowGroupSize];
        _confidence = new double?[RowGroupSize];
    }

    public async ValueTask WriteAsync(RowResult row, CancellationToken cancellationToken)
    {
        var column = 0;
        for (var i = 0; i < _layout.InputColumns.Count; i++)
        {
            _text[column++][_count] = RowValues.Input(row, i);
        }

        foreach (var field in EnrichedField.All)
        {
            if (field.Number is { } number)
            {
                _employees[_count] = row.Flat is { } flat && number(flat) is var value and not 0 ? value : null;
                column++;
            }
            else
            {
                _text[column++][_count] = row.Flat is { } flat ? field.Text(flat) : null;
            }
        }

        _text[column++][_count] = RowValues.Status(row);
        _text[column][_count] = row.Flat?.Source;
        _confidence[_count] = row.Flat is { } answered ? Math.Round(answered.Confidence, 3) : null;
        if (++_count == RowGroupSize)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_count > 0 || _writer is null)
        {
            await FlushAsync(cancellationToken);
        }

        if (_writer is not null)
        {
            await _writer.DisposeAsync();
            _writer = null;
        }

        await _stream.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        _writer ??= await ParquetWriter.CreateAsync(new ParquetSchema(_fields), _stream, cancellationToken: cancellationToken);
        using (var group = _writer.CreateRowGroup())
        {
            for (var i = 0; i < _fields.Length; i++)
            {
                if (i == _employeeField)
                {
                    await group.WriteAsync(_fields[i], new ReadOnlyMemory<long?>(_employees, 0, _count), null, null, cancellationToken);
                }
                else if (i == _fields.Length - 1)
                {
                    await group.WriteAsync(_fields[i], new ReadOnlyMemory<double?>(_confidence, 0, _count), null, null, cancellationToken);
                }
                else
                {
                    await group.WriteAsync(_fields[i], new ArraySegment<string?>(_text[i], 0, _count)!);
                }
            }
        }

        _count = 0;
    }
}
