namespace Tributary.Host.Batch.Input;

/// <summary>
/// One row of the input: its values by column, or why it cannot be read. <see cref="Line"/> is the physical line the
/// row starts on (1 = the header of a CSV file), for the rejects file.
/// </summary>
internal sealed record InputRow(long Line, string[]? Values, string? Rejection, string Raw)
{
    /// <summary>Characters of the file up to the end of this row: the run's progress once the row is written.</summary>
    public long End { get; init; }

    public static InputRow Rejected(long line, string reason, string raw) => new(line, null, reason, raw);
}
