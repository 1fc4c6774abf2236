using System.Globalization;

namespace Tributary.Storage.Sqlite;

/// <summary>
/// Values SQLite has no type for, as the run and job tables store them: enums as lower-case names, times as UTC text
/// in one fixed-width format, so comparing the text compares the instants (lease expiry).
/// </summary>
internal static class SqliteText
{
    /// <summary>What <c>"O"</c> writes for a UTC time: always seven fractional digits and a <c>Z</c>, so fixed width.</summary>
    private const string TimePattern = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    public static TEnum ToEnum<TEnum>(string text)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(text, ignoreCase: true);

    /// <summary>The time as <see cref="TimePattern"/> text, through the runtime's own round-trip formatter (about an eighth of the custom pattern's cost: a claim's journal writes hundreds).</summary>
    public static string Of(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A list as one JSON array parameter, for <c>IN (SELECT value FROM json_each(@list))</c>: one statement text and one parameter, however long the list.</summary>
    public static string JsonList(IEnumerable<string>? values) =>
        System.Text.Json.JsonSerializer.Serialize<IReadOnlyList<string>>(values?.ToArray() ?? [], StorageJsonContext.Default.IReadOnlyListString);

    public static DateTimeOffset ToTime(string text) =>
        new(DateTime.ParseExact(text, TimePattern, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);
}
