using System.Globalization;

namespace Tributary.Host.Batch.Output;

/// <summary>The values every format writes for a row, as text.</summary>
internal static class RowValues
{
    public static string Status(RowResult row) => row.Outcome.ToString().ToLowerInvariant();

    public static string Source(RowResult row) => row.Flat?.Source ?? string.Empty;

    public static string Confidence(RowResult row) =>
        row.Flat is { } flat ? flat.Confidence.ToString("0.###", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>The input value of column <paramref name="index"/>; empty for rows that could not be read.</summary>
    public static string Input(RowResult row, int index) =>
        row.Row.Values is { } values && index < values.Length ? values[index] : string.Empty;
}
