using System.Globalization;

namespace Tributary.Storage.Sqlite;

/// <summary>
/// SQLite has no time type. Times are stored as UTC text in one fixed-width format, so comparing and ordering the
/// text compares the instants (lease expiry, key retention).
/// </summary>
internal static class SqliteTime
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) =>
        new(DateTime.ParseExact(value, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);
}
