using System.Globalization;
using Tributary.Host.Batch.Input;
using Tributary.Host.BatchPump;

namespace Tributary.Host.Batch.Output;

/// <summary>The values every format writes for a row, as text.</summary>
internal static class RowValues
{
    public static string Status(in EnrichedRecord<InputRow> row) => RecordStatus.Of(row.Outcome);

    public static string Source(in EnrichedRecord<InputRow> row) => row.Flat?.Source ?? string.Empty;

    public static string Confidence(in EnrichedRecord<InputRow> row) =>
        row.Flat is { } flat ? flat.Confidence.ToString("0.###", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary><c>true</c> when some provider could not answer for the row (a rerun asks it again), empty for rows not enriched.</summary>
    public static string Partial(in EnrichedRecord<InputRow> row) =>
        row.Flat is { } flat ? (flat.Partial ? "true" : "false") : string.Empty;

    /// <summary>The input value of column <paramref name="index"/>; empty for rows that could not be read.</summary>
    public static string Input(in EnrichedRecord<InputRow> row, int index) =>
        row.Record.Values is { } values && index < values.Length ? values[index] : string.Empty;
}
