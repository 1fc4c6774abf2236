using System.Text.Json;
using Tributary.Host.Batch.Input;
using Tributary.Host.BatchPump;
using Tributary.Host.Flat;

namespace Tributary.Host.Batch.Output;

/// <summary>
/// One JSON object per line with the output columns as keys. Input values are strings; the enriched fields follow the
/// flat contract (never null: <c>""</c> or <c>0</c> when unknown). The file is data, never embedded in HTML, so only
/// what JSON requires is escaped (a phone keeps its '+').
/// </summary>
internal sealed class JsonLinesRowSink : IRowSink
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;
    private readonly OutputLayout _layout;
    private readonly JsonEncodedText[] _inputNames;
    private readonly JsonEncodedText[] _enrichedNames;

    public JsonLinesRowSink(Stream stream, OutputLayout layout)
    {
        _stream = new BufferedStream(stream, 64 * 1024);
        _json = new Utf8JsonWriter(_stream, FlatJsonWriter.Options);
        _layout = layout;
        _inputNames = layout.InputColumns.Select(c => JsonEncodedText.Encode(c)).ToArray();
        _enrichedNames = layout.EnrichedColumns.Select(c => JsonEncodedText.Encode(c)).ToArray();
    }

    public ValueTask WriteAsync(EnrichedRecord<InputRow> row, CancellationToken cancellationToken)
    {
        _json.WriteStartObject();
        for (var i = 0; i < _inputNames.Length; i++)
        {
            _json.WriteString(_inputNames[i], RowValues.Input(row, i));
        }

        var answer = RowValues.Answer(row);
        for (var i = 0; i < _layout.Fields.Count; i++)
        {
            var field = _layout.Fields[i];
            if (field.Type == FlatFieldType.Number)
            {
                _json.WriteNumber(_enrichedNames[i], field.Number(answer.Profile));
            }
            else
            {
                _json.WriteString(_enrichedNames[i], field.Text(answer.Profile));
            }
        }

        _json.WriteString(_layout.StatusColumn, RowValues.Status(row));
        _json.WriteString(_layout.SourceColumn, answer.Source);
        _json.WriteNumber(_layout.ConfidenceColumn, answer.Confidence);
        _json.WriteBoolean(_layout.PartialColumn, answer.Partial);
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        _stream.Write(NewLine);
        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await _json.FlushAsync(cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        await _stream.DisposeAsync();
    }
}
