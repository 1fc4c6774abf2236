using System.Text;

namespace Tributary.Host.Batch.Input;

/// <summary>
/// Rows of a CSV file with a header, tolerant of hostile content: a row that cannot be read (broken quoting, binary
/// junk, an over-long field, more fields than the header) becomes a rejected row with its line number, and reading
/// goes on with the next line. A quoted field may span lines, but an unterminated quote gives back the lines it
/// swallowed once it passes the field limit or the end of the file, so one stray quote costs one row, not the rest of
/// the file.
/// </summary>
internal sealed class CsvRowSource : IRowSource
{
    private readonly LineReader _lines;
    private readonly List<string> _fields = [];
    private readonly StringBuilder _field = new();
    private readonly List<PhysicalLine> _borrowed = [];

    private CsvRowSource(LineReader lines, IReadOnlyList<string> columns)
    {
        _lines = lines;
        Columns = columns;
    }

    public IReadOnlyList<string> Columns { get; }

    public long Length => _lines.Length;

    /// <summary>Opens the file and reads its header; fails with a message when there is none.</summary>
    public static CsvRowSource Open(string path)
    {
        var lines = new LineReader(path);
        try
        {
            var reader = new CsvRowSource(lines, []);
            while (reader.ReadRecord() is { } header)
            {
                if (header.Rejection is not null)
                {
                    throw new BatchInputException($"the header (line {header.Line}) cannot be read: {header.Rejection}.");
                }

                return new CsvRowSource(lines, HeaderNames.MakeUnique(header.Values!));
            }

            throw new BatchInputException("the file is empty: a CSV input needs a header line.");
        }
        catch
        {
            lines.Dispose();
            throw;
        }
    }

    public InputRow? Read()
    {
        var row = ReadRecord();
        return row is null ? null : Resize(row);
    }

    public void Dispose() => _lines.Dispose();

    /// <summary>Rows with fewer fields than the header are padded; with more (other than trailing empty ones), rejected.</summary>
    private InputRow Resize(InputRow row)
    {
        if (row.Values is not { } values)
        {
            return row;
        }

        if (values.Length > Columns.Count && values.AsSpan(Columns.Count).ContainsAnyExcept(string.Empty))
        {
            return InputRow.Rejected(row.Line, $"{values.Length} fields where the header has {Columns.Count}", row.Raw) with { End = row.End };
        }

        if (values.Length != Columns.Count)
        {
            // Missing trailing fields are empty; extra trailing commas are ignored.
            var resized = new string[Columns.Count];
            Array.Fill(resized, string.Empty);
            values.AsSpan(0, Math.Min(values.Length, Columns.Count)).CopyTo(resized);
            return row with { Values = resized };
        }

        return row;
    }

    private InputRow? ReadRecord()
    {
        while (_lines.Next() is { } first)
        {
            if (first.Overlong)
            {
                return InputRow.Rejected(first.Number, $"line longer than {InputLimits.MaxLineChars} characters", first.Text[..InputLimits.MaxRawChars]) with { End = first.End };
            }

            if (string.IsNullOrWhiteSpace(first.Text))
            {
                continue;
            }

            return ReadFrom(first);
        }

        return null;
    }

    private InputRow ReadFrom(PhysicalLine first)
    {
        _borrowed.Clear();
        var text = first.Text;
        while (true)
        {
            var result = CsvRecordParser.Parse(text, _fields, _field, out var error);
            if (result == CsvRecordParser.Result.Complete)
            {
                return Check(first, text) with { End = _borrowed.Count > 0 ? _borrowed[^1].End : first.End };
            }

            if (result == CsvRecordParser.Result.Malformed)
            {
                return GiveBack(first, $"broken quoting: {error}");
            }

            // Inside a quoted field: borrow the next line, unless the field has already outgrown any real value.
            if (text.Length - first.Text.Length > InputLimits.MaxFieldChars)
            {
                return GiveBack(first, $"unterminated quoted field (no closing quote within {InputLimits.MaxFieldChars} characters)");
            }

            var next = _lines.Next();
            if (next is null || next.Overlong)
            {
                if (next is not null)
                {
                    _borrowed.Add(next);
                }

                return GiveBack(first, "unterminated quoted field (no closing quote before the end of the file)");
            }

            _borrowed.Add(next);
            text = text + "\n" + next.Text;
        }
    }

    private InputRow Check(PhysicalLine first, string text)
    {
        if (InputLimits.LooksBinary(text))
        {
            return InputRow.Rejected(first.Number, "binary data (control characters or bytes that are not UTF-8)", InputLimits.Clip(text));
        }

        for (var i = 0; i < _fields.Count; i++)
        {
            if (_fields[i].Length > InputLimits.MaxFieldChars)
            {
                var name = i < Columns.Count ? $"'{Columns[i]}'" : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return InputRow.Rejected(first.Number, $"field {name} is longer than {InputLimits.MaxFieldChars} characters", InputLimits.Clip(text));
            }
        }

        if (_fields.Count > InputLimits.MaxColumns)
        {
            return InputRow.Rejected(first.Number, $"more than {InputLimits.MaxColumns} fields", InputLimits.Clip(text));
        }

        return new InputRow(first.Number, [.. _fields], null, InputLimits.Clip(text));
    }

    /// <summary>Rejects the first line only and hands back what it borrowed: those lines are read again as rows.</summary>
    private InputRow GiveBack(PhysicalLine first, string reason)
    {
        _lines.PushBack(_borrowed);
        _borrowed.Clear();
        return InputRow.Rejected(first.Number, reason, InputLimits.Clip(first.Text)) with { End = first.End };
    }
}
