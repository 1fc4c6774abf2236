namespace Tributary.Host.Batch.Input;

/// <summary>Rows of an input file, read one at a time so memory does not grow with the file.</summary>
internal interface IRowSource : IDisposable
{
    /// <summary>Column names, unique, in file order.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>Size of the file in bytes; with <see cref="InputRow.End"/> (characters), the progress of a run.</summary>
    long Length { get; }

    /// <summary>The next row, or null at the end of the file. Blank lines are skipped.</summary>
    InputRow? Read();
}
