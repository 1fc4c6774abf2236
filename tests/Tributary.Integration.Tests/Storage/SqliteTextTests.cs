using System.Globalization;
using Tributary.Storage.Sqlite;

namespace Tributary.IntegrationTests.Storage;

/// <summary>
/// Times in the embedded store are fixed-width UTC text, so that SQLite comparing the text (a lease's expiry, a retry's
/// due time) compares the instants.
/// </summary>
public sealed class SqliteTextTests
{
    public static TheoryData<string> Times() =>
    [
        "0001-01-01T00:00:00.0000000+00:00",
        "2026-12-07T14:00:00.0000000+00:00",
        "2026-12-07T16:00:00.1234567+02:00",
        "2026-12-07T09:30:59.9999999-04:30",
        "9999-12-31T23:59:59.9999999+00:00",
    ];

    [Theory]
    [MemberData(nameof(Times))]
    public void ATime_IsWrittenInUtc_WithSevenDigitsAndAZ_AndReadBackToTheSameInstant(string given)
    {
        var time = DateTimeOffset.Parse(given, CultureInfo.InvariantCulture);

        var text = SqliteText.Of(time);

        text.Length.ShouldBe(28);
        text.ShouldEndWith("Z");
        text.ShouldBe(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        var read = SqliteText.ToTime(text);
        read.ShouldBe(time);
        read.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void TheTexts_SortAsTheirInstants()
    {
        var random = new Random(7);
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var times = Enumerable.Range(0, 2_000)
            .Select(_ => start.AddTicks(random.NextInt64(TimeSpan.TicksPerDay * 4_000)).ToOffset(TimeSpan.FromMinutes(random.Next(-720, 841))))
            .ToArray();

        var byText = times.OrderBy(SqliteText.Of, StringComparer.Ordinal).ToArray();

        byText.ShouldBe(times.OrderBy(t => t.UtcTicks).ToArray());
    }
}
