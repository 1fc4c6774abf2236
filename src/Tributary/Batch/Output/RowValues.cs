using System.Globalization;
using Tributary.Host.Batch.Input;
using Tributary.Host.BatchPump;
using Tributary.Host.Flat;

namespace Tributary.Host.Batch.Output;

/// <summary>
/// The values every format writes for a row. The enriched fields follow the flat contract of job results: every field
/// present, <c>""</c> or <c>0</c> when unknown (a row that was not enriched has every field unknown), never null.
/// </summary>
internal static class RowValues
{
    public static string Status(in EnrichedRecord<InputRow> row) => RecordStatus.Of(row.Outcome);

    /// <summary>The row's flat answer: <see cref="FlatAnswer.None"/> for rows not enriched (rejected, failed in the engine).</summary>
    public static FlatAnswer Answer(in EnrichedRecord<InputRow> row) => row.Flat ?? FlatAnswer.None;

    /// <summary>A field's value as text: numbers written out, <c>0</c> when unknown; other fields <c>""</c> when unknown.</summary>
    public static string Text(FlatField field, FlatAnswer answer) => field.Type == FlatFieldType.Number
        ? field.Number(answer.Profile).ToString(CultureInfo.InvariantCulture)
        : field.Text(answer.Profile);

    public static string Confidence(FlatAnswer answer) => answer.Confidence.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary><c>true</c> when some provider could not answer for the row (a rerun asks it again).</summary>
    public static string Partial(FlatAnswer answer) => answer.Partial ? "true" : "false";

    /// <summary>The input value of column <paramref name="index"/>; empty for rows that could not be read.</summary>
    public static string Input(in EnrichedRecord<InputRow> row, int index) =>
        row.Record.Values is { } values && index < values.Length ? values[index] : string.Empty;
}
