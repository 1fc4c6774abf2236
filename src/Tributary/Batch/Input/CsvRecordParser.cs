using System.Text;

namespace Tributary.Host.Batch.Input;

/// <summary>
/// Splits one CSV record (RFC 4180: comma-separated, fields optionally in double quotes, <c>""</c> for a quote, line
/// breaks allowed inside quotes). Says when the text ends inside a quoted field, so the caller can add the next line.
/// </summary>
internal static class CsvRecordParser
{
    public enum Result
    {
        Complete,
        OpenQuote,
        Malformed,
    }

    /// <summary>Parses <paramref name="text"/> into <paramref name="fields"/>; on <see cref="Result.Malformed"/>, <paramref name="error"/> says why.</summary>
    public static Result Parse(string text, List<string> fields, StringBuilder field, out string? error)
    {
        fields.Clear();
        field.Clear();
        error = null;
        var i = 0;
        while (true)
        {
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (true)
                {
                    var quote = text.IndexOf('"', i);
                    if (quote < 0)
                    {
                        return Result.OpenQuote;
                    }

                    field.Append(text, i, quote - i);
                    if (quote + 1 < text.Length && text[quote + 1] == '"')
                    {
                        field.Append('"');
                        i = quote + 2;
                        continue;
                    }

                    i = quote + 1;
                    break;
                }

                if (i < text.Length && text[i] != ',')
                {
                    error = $"unexpected text after the closing quote of field {fields.Count + 1}";
                    return Result.Malformed;
                }
            }
            else
            {
                var end = text.IndexOf(',', i);
                var span = text.AsSpan(i, (end < 0 ? text.Length : end) - i);
                if (span.Contains('"'))
                {
                    error = $"a quote inside unquoted field {fields.Count + 1}";
                    return Result.Malformed;
                }

                field.Append(span);
                i += span.Length;
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i >= text.Length)
            {
                return Result.Complete;
            }

            i++; // the comma
            if (i == text.Length)
            {
                fields.Add(string.Empty);
                return Result.Complete;
            }
        }
    }
}
