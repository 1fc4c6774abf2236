using System.Text;

namespace Tributary.Host.Batch.Input;

/// <summary>
/// Physical lines of a text file with their numbers, never holding more than <see cref="InputLimits.MaxLineChars"/>
/// of one line (a file of binary junk without line breaks must not be read into memory). Lines handed back with
/// <see cref="PushBack"/> are read again first: a CSV record that turns out broken gives back the lines it borrowed.
/// </summary>
internal sealed class LineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly StreamReader _reader;
    private readonly StringBuilder _line = new();
    private readonly LinkedList<PhysicalLine> _pushedBack = new();
    private long _number;
    private long _consumed;

    public LineReader(string path)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        _reader = new StreamReader(_stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, 64 * 1024);
        Length = _stream.Length;
    }

    public long Length { get; }

    public PhysicalLine? Next()
    {
        if (_pushedBack.First is { } first)
        {
            _pushedBack.RemoveFirst();
            return first.Value;
        }

        _line.Clear();
        var overlong = false;
        while (true)
        {
            var c = _reader.Read();
            _consumed++;
            if (c < 0)
            {
                return _line.Length == 0 && !overlong ? null : Complete(overlong);
            }

            if (c == '\n')
            {
                return Complete(overlong);
            }

            if (c == '\r')
            {
                if (_reader.Peek() == '\n')
                {
                    _reader.Read();
                    _consumed++;
                }

                return Complete(overlong);
            }

            if (_line.Length < InputLimits.MaxLineChars)
            {
                _line.Append((char)c);
            }
            else
            {
                overlong = true;
            }
        }
    }

    /// <summary>Hands lines back, to be returned by <see cref="Next"/> before anything else, in the order given.</summary>
    public void PushBack(IEnumerable<PhysicalLine> lines)
    {
        var node = _pushedBack.First;
        foreach (var line in lines)
        {
            if (node is null)
            {
                _pushedBack.AddLast(line);
            }
            else
            {
                _pushedBack.AddBefore(node, line);
            }
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }

    private PhysicalLine Complete(bool overlong) => new(++_number, _line.ToString(), overlong, _consumed);
}
