using System.Text.Json;

namespace Tributary.Host.Batch.Input;

/// <summary>
/// Rows of a JSON-lines file: one object per line. The columns are every key seen, in order of first appearance, keys
/// differing only in case being one column (as the API reads members: a line giving <c>email</c> and <c>Email</c> gives
/// one member twice), found by a first pass over the file (it reads only key names, so memory stays flat). Strings are taken as they
/// are, numbers and booleans as their JSON text, null as empty, nested objects and arrays as JSON text.
/// </summary>
internal sealed class JsonLinesRowSource : IRowSource
{
    private readonly LineReader _lines;
    private readonly Dictionary<string, int> _indexes;

    // Which columns the line being read gave; one line is read at a time, so one array serves them all.
    private bool[]? _given;

    private JsonLinesRowSource(LineReader lines, IReadOnlyList<string> columns, Dictionary<string, int> indexes)
    {
        _lines = lines;
        Columns = columns;
        _indexes = indexes;
    }

    public IReadOnlyList<string> Columns { get; }

    public long Length => _lines.Length;

    public static JsonLinesRowSource Open(string path)
    {
        var keys = ScanKeys(path);
        if (keys.Count == 0)
        {
            throw new BatchInputException("no JSON object with any key was found: a JSON-lines input has one object per line.");
        }

        var indexes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < keys.Count; i++)
        {
            indexes[keys[i]] = i;
        }

        return new JsonLinesRowSource(new LineReader(path), HeaderNames.MakeUnique(keys), indexes);
    }

    public InputRow? Read()
    {
        while (_lines.Next() is { } line)
        {
            if (line.Overlong)
            {
                return InputRow.Rejected(line.Number, $"line longer than {InputLimits.MaxLineChars} characters", line.Text[..InputLimits.MaxRawChars]) with { End = line.End };
            }

            if (!string.IsNullOrWhiteSpace(line.Text))
            {
                return Parse(line) with { End = line.End };
            }
        }

        return null;
    }

    public void Dispose() => _lines.Dispose();

    private static List<string> ScanKeys(string path)
    {
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var lines = new LineReader(path);
        while (lines.Next() is { } line)
        {
            if (line.Overlong || string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line.Text);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                // Names are read before any is kept: a line that fails half-way adds no columns.
                var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
                foreach (var name in names)
                {
                    if (keys.Count < InputLimits.MaxColumns && seen.Add(name))
                    {
                        keys.Add(name);
                    }
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                // Rejected with its line number in the real pass.
            }
        }

        return keys;
    }

    private InputRow Parse(PhysicalLine line)
    {
        var raw = InputLimits.Clip(line.Text);
        if (InputLimits.LooksBinary(line.Text))
        {
            return InputRow.Rejected(line.Number, "binary data (control characters or bytes that are not UTF-8)", raw);
        }

        try
        {
            using var document = JsonDocument.Parse(line.Text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return InputRow.Rejected(line.Number, "not a JSON object", raw);
            }

            var values = new string[Columns.Count];
            var given = _given ??= new bool[Columns.Count];
            Array.Clear(given);
            Array.Fill(values, string.Empty);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!_indexes.TryGetValue(property.Name, out var index))
                {
                    continue;
                }

                if (given[index])
                {
                    // Which of the two is the record's? The API refuses such a body, and so does a file.
                    return InputRow.Rejected(line.Number, $"member '{property.Name}' appears twice", raw);
                }

                given[index] = true;

                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
                    _ => property.Value.GetRawText(),
                };
                if (value.Length > InputLimits.MaxFieldChars)
                {
                    return InputRow.Rejected(line.Number, $"field '{property.Name}' is longer than {InputLimits.MaxFieldChars} characters", raw);
                }

                values[index] = value;
            }

            return new InputRow(line.Number, values, null, raw);
        }
        catch (JsonException)
        {
            return InputRow.Rejected(line.Number, "malformed JSON", raw);
        }
        catch (InvalidOperationException)
        {
            // Well-formed JSON whose \u escape is half of a surrogate pair: there is no string to read.
            return InputRow.Rejected(line.Number, "malformed JSON: a \\u escape that is half of a surrogate pair", raw);
        }
    }
}
