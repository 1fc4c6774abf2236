using Parquet;
using Parquet.Schema;
using Tributary.Host.Batch.Input;
using Tributary.Host.BatchPump;
using Tributary.Host.Flat;

namespace Tributary.Host.Batch.Output;

/// <summary>
/// Parquet, written in row groups of <see cref="RowGroupSize"/> rows so memory stays flat: input and text columns
/// as strings, number fields (<c>employeeCount</c>) as int64, <c>confidence</c> as a double and <c>partial</c> as a
/// boolean. The enriched fields follow the flat contract: never null, <c>""</c> or <c>0</c> when unknown.
/// </summary>
internal sealed class ParquetRowSink : IRowSink
{
    public const int RowGroupSize = 10_000;

    private readonly Stream _stream;
    private readonly OutputLayout _layout;
    private readonly DataField[] _fields;

    // One buffer per column: text columns in _text, number fields in _numbers, then confidence and partial last; a
    // column's slot in the other arrays is empty.
    private readonly string?[][] _text;
    private readonly long[][] _numbers;
    private readonly double[] _confidence;
    private readonly bool[] _partial;
    private ParquetWriter? _writer;
    private int _count;

    public ParquetRowSink(Stream stream, OutputLayout layout)
    {
        _stream = stream;
        _layout = layout;
        var fields = new List<DataField>();
        fields.AddRange(layout.InputColumns.Select(c => new DataField<string>(c)));
        for (var i = 0; i < layout.Fields.Count; i++)
        {
            fields.Add(layout.Fields[i].Type == FlatFieldType.Number ? new DataField<long>(layout.EnrichedColumns[i]) : new DataField<string>(layout.EnrichedColumns[i]));
        }

        fields.Add(new DataField<string>(layout.StatusColumn));
        fields.Add(new DataField<string>(layout.SourceColumn));
        fields.Add(new DataField<double>(layout.ConfidenceColumn));
        fields.Add(new DataField<bool>(layout.PartialColumn));
        _fields = [.. fields];

        _text = new string?[_fields.Length][];
        _numbers = new long[_fields.Length][];
        for (var i = 0; i < _fields.Length - 2; i++)
        {
            if (IsNumber(i))
            {
                (_text[i], _numbers[i]) = ([], new long[RowGroupSize]);
            }
            else
            {
                (_text[i], _numbers[i]) = (new string?[RowGroupSize], []);
            }
        }

        (_text[^2], _numbers[^2]) = ([], []);
        (_text[^1], _numbers[^1]) = ([], []);
        _confidence = new double[RowGroupSize];
        _partial = new bool[RowGroupSize];
    }

    public async ValueTask WriteAsync(EnrichedRecord<InputRow> row, CancellationToken cancellationToken)
    {
        var column = 0;
        for (var i = 0; i < _layout.InputColumns.Count; i++)
        {
            _text[column++][_count] = RowValues.Input(row, i);
        }

        var answer = RowValues.Answer(row);
        foreach (var field in _layout.Fields)
        {
            if (field.Type == FlatFieldType.Number)
            {
                _numbers[column++][_count] = field.Number(answer.Profile);
            }
            else
            {
                _text[column++][_count] = field.Text(answer.Profile);
            }
        }

        _text[column++][_count] = RowValues.Status(row);
        _text[column][_count] = answer.Source;
        _confidence[_count] = answer.Confidence;
        _partial[_count] = answer.Partial;
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

    private bool IsNumber(int column) =>
        column >= _layout.InputColumns.Count && column - _layout.InputColumns.Count < _layout.Fields.Count
        && _layout.Fields[column - _layout.InputColumns.Count].Type == FlatFieldType.Number;

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        _writer ??= await ParquetWriter.CreateAsync(new ParquetSchema(_fields), _stream, cancellationToken: cancellationToken);
        using (var group = _writer.CreateRowGroup())
        {
            for (var i = 0; i < _fields.Length; i++)
            {
                if (i == _fields.Length - 1)
                {
                    await group.WriteAsync(_fields[i], new ReadOnlyMemory<bool>(_partial, 0, _count), null, null, cancellationToken);
                }
                else if (i == _fields.Length - 2)
                {
                    await group.WriteAsync(_fields[i], new ReadOnlyMemory<double>(_confidence, 0, _count), null, null, cancellationToken);
                }
                else if (IsNumber(i))
                {
                    await group.WriteAsync(_fields[i], new ReadOnlyMemory<long>(_numbers[i], 0, _count), null, null, cancellationToken);
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
