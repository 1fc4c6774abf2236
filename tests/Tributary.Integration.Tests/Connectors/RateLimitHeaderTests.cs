using Tributary.Connectors.Apollo;
using Tributary.Connectors.Clearbit;
using Tributary.Connectors.Hunter;
using Tributary.Connectors.PeopleDataLabs;
using Tributary.Connectors.ZoomInfo;

namespace Tributary.IntegrationTests.Connectors;

/// <summary>The providers' rate-limit headers, read into the signal the shared rate gate acts on.</summary>
public sealed class RateLimitHeaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 15, 30, TimeSpan.Zero);

    private static HttpResponseMessage Response(int status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((System.Net.HttpStatusCode)status);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    [Theory]
    [InlineData("{'minute': 999}", 999L)]
    [InlineData("{\"minute\": 5, \"day\": 100}", 5L)]
    [InlineData("{'day': 10, 'month': 99}", 10L)]
    [InlineData("{'minute': 900, 'day': 3}", 3L)]
    [InlineData("{'minute': 1000.0}", 1000L)]
    [InlineData("42", 42L)]
    [InlineData("{}", null)]
    [InlineData("unlimited", null)]
    public void PeopleDataLabs_ReadsPythonDictLikeWindows(string header, long? expected) =>
        PeopleDataLabsRateLimits.Window(header).ShouldBe(expected);

    [Fact]
    public void PeopleDataLabs_ReadsEveryWindowOfTheLimitHeader() =>
        PeopleDataLabsRateLimits.Windows("{'minute': 1000, 'day': 50000, 'month': 1000000}")
            .ShouldBe(new Dictionary<string, long> { ["minute"] = 1000, ["day"] = 50_000, ["month"] = 1_000_000 }, ignoreOrder: true);

    [Fact]
    public void PeopleDataLabs_Signal_HasRemainingAndReset()
    {
        using var response = Response(200, ("x-ratelimit-remaining", "{'minute': 12}"), ("x-ratelimit-limit", "{'minute': 1000}"), ("x-ratelimit-reset", "2026-11-23T09:16:00Z"));

        var signal = PeopleDataLabsRateLimits.Read(response, Now);

        signal.Remaining.ShouldBe(12);
        signal.ResetAt.ShouldBe(new DateTimeOffset(2026, 11, 23, 9, 16, 0, TimeSpan.Zero));
        signal.RetryAfter.ShouldBeNull();
    }

    [Fact]
    public void PeopleDataLabs_429WithoutRetryAfter_WaitsUntilTheReset()
    {
        using var response = Response(429, ("x-ratelimit-remaining", "{'minute': 0}"), ("x-ratelimit-reset", "2026-11-23T09:16:00Z"));

        var signal = PeopleDataLabsRateLimits.Read(response, Now);

        signal.Remaining.ShouldBe(0);
        signal.RetryAfter.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("x-daily-requests-left")]
    [InlineData("x-24-hour-requests-left")]
    public void Apollo_SpentDailyWindow_UnderEitherSpelling_WaitsUntilMidnight(string daily)
    {
        using var response = Response(200, ("x-minute-requests-left", "40"), ("x-rate-limit-minute", "50"), (daily, "0"));

        var signal = ApolloRateLimits.Read(response, Now);

        signal.Remaining.ShouldBe(0);
        signal.ResetAt.ShouldBe(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Apollo_ReportsTheTightestWindow()
    {
        using var response = Response(200, ("x-minute-requests-left", "40"), ("x-hourly-requests-left", "150"), ("x-24-hour-requests-left", "500"));

        var signal = ApolloRateLimits.Read(response, Now);

        signal.Remaining.ShouldBe(40);
        signal.ResetAt.ShouldBeNull();
    }

    [Fact]
    public void Apollo_WithoutRequestsLeft_SubtractsUsageFromTheLimit()
    {
        using var response = Response(200, ("x-rate-limit-minute", "100"), ("x-minute-usage", "60"), ("x-rate-limit-24-hour", ""), ("x-24-hour-usage", "3"));

        var signal = ApolloRateLimits.Read(response, Now);

        // An empty limit means the window is unlimited: it does not count.
        signal.Remaining.ShouldBe(40);
    }

    [Fact]
    public void Apollo_SpentHourlyWindow_WaitsUntilTheNextHour()
    {
        using var response = Response(200, ("x-minute-requests-left", "10"), ("x-hourly-requests-left", "0"), ("x-daily-requests-left", "300"));

        ApolloRateLimits.Read(response, Now).ResetAt.ShouldBe(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Apollo_429_HonoursRetryAfter()
    {
        using var response = Response(429, ("retry-after", "7"), ("x-minute-requests-left", "0"));

        var signal = ApolloRateLimits.Read(response, Now);

        signal.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        signal.Remaining.ShouldBe(0);
    }

    [Fact]
    public void Apollo_WithoutHeaders_SaysNothing() =>
        ApolloRateLimits.Read(Response(401), Now).IsEmpty.ShouldBeTrue();

    [Fact]
    public void PeopleDataLabs_LimitHeader_GivesThePerMinuteLimit()
    {
        using var response = Response(200, ("x-ratelimit-limit", "{'minute': 100, 'day': 5000}"), ("x-ratelimit-remaining", "{'minute': 99}"));

        PeopleDataLabsRateLimits.Read(response, Now).LimitPerMinute.ShouldBe(100);
    }

    [Theory]
    [InlineData("50", 50L)]
    [InlineData("", null)]
    public void Apollo_MinuteLimitHeader_GivesThePerMinuteLimit_UnlessUnlimited(string limit, long? expected)
    {
        using var response = Response(200, ("x-rate-limit-minute", limit), ("x-minute-usage", "1"));

        ApolloRateLimits.Read(response, Now).LimitPerMinute.ShouldBe(expected);
    }

    [Fact]
    public void Clearbit_LimitHeader_IsNotTakenAsAPerMinuteLimit()
    {
        // Clearbit's documented example (limit 5000, reset in 3300 s) is not a one-minute window.
        using var response = Response(200, ("X-RateLimit-Limit", "5000"), ("X-RateLimit-Remaining", "4050"), ("X-RateLimit-Reset", "3300"));

        ClearbitRateLimits.Read(response, Now).LimitPerMinute.ShouldBeNull();
    }

    [Fact]
    public void Throttled_Is429_ExceptAtHunter_WhereItIs403()
    {
        using var tooMany = Response(429);
        using var forbidden = Response(403);

        PeopleDataLabsRateLimits.Read(tooMany, Now).Throttled.ShouldBeTrue();
        ApolloRateLimits.Read(tooMany, Now).Throttled.ShouldBeTrue();
        ClearbitRateLimits.Read(tooMany, Now).Throttled.ShouldBeTrue();
        ZoomInfoRateLimits.Read(tooMany, Now).Throttled.ShouldBeTrue();
        HunterRateLimits.Read(forbidden, Now).Throttled.ShouldBeTrue();

        // Hunter's 429 is a spent month of credits, and ZoomInfo's 403 a spent record allowance: no backing off helps.
        HunterRateLimits.Read(tooMany, Now).IsThrottle.ShouldBeFalse();
        ZoomInfoRateLimits.Read(forbidden, Now).IsThrottle.ShouldBeFalse();
    }

    [Theory]
    [InlineData("60", 60.0)]
    [InlineData("3300", 3300.0)]
    [InlineData("1795425390", 60.0)]
    [InlineData("1795425390000", 60.0)]
    public void Clearbit_Reset_IsReadAsSecondsUntilIt_OrAsAnEpochTime(string header, double seconds)
    {
        // Now is 1795425330 in epoch seconds.
        using var response = Response(200, ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", header));

        ClearbitRateLimits.Read(response, Now).ResetAt.ShouldBe(Now.AddSeconds(seconds));
    }

    [Theory]
    [InlineData("99999999999999999")]
    [InlineData("4102444800")]
    [InlineData("-5")]
    public void Reset_ThatIsNoTimeWithinAMonth_IsIgnored(string header)
    {
        using var response = Response(200, ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", header));

        ClearbitRateLimits.Read(response, Now).ResetAt.ShouldBeNull();
        ZoomInfoRateLimits.Read(response, Now).ResetAt.ShouldBeNull();
    }

    [Fact]
    public void ZoomInfo_GtmWindows_AreRead_WhenTheLegacyHeadersAreAbsent()
    {
        using var spentSecond = Response(200, ("X-RateLimit-Remaining-Second", "0"), ("X-RateLimit-Remaining-Hour", "900"), ("X-RateLimit-Remaining-Day", "12000"));
        using var hourLeft = Response(200, ("X-RateLimit-Remaining-Second", "20"), ("X-RateLimit-Remaining-Hour", "7"), ("X-RateLimit-Remaining-Day", "12000"));
        using var unavailable = Response(200, ("X-RateLimit-Remaining-Second", "-1"), ("X-RateLimit-Remaining-Hour", "-1"), ("X-RateLimit-Remaining-Day", "-1"));
        using var legacyFirst = Response(200, ("X-RateLimit-Remaining", "40"), ("X-RateLimit-Remaining-Hour", "7"));

        ZoomInfoRateLimits.Read(spentSecond, Now).ShouldBe(new(0, Now.AddSeconds(1), null));
        ZoomInfoRateLimits.Read(hourLeft, Now).ShouldBe(new(7, null, null));
        ZoomInfoRateLimits.Read(unavailable, Now).IsEmpty.ShouldBeTrue();
        ZoomInfoRateLimits.Read(legacyFirst, Now).Remaining.ShouldBe(40);
    }

    [Fact]
    public void ZoomInfo_Reset_InSecondsUntilIt_IsAcceptedToo()
    {
        using var response = Response(200, ("X-RateLimit-Remaining", "3"), ("X-RateLimit-Reset", "45"));

        ZoomInfoRateLimits.Read(response, Now).ResetAt.ShouldBe(Now.AddSeconds(45));
    }

    [Fact]
    public void RetryAfter_LongerThanAMonth_IsAMonth()
    {
        using var response = Response(429, ("Retry-After", "99999999999999"));

        ClearbitRateLimits.Read(response, Now).RetryAfter.ShouldBe(TimeSpan.FromDays(31));
    }

    [Fact]
    public void Throttled_WithoutRetryAfterOrReset_LeavesTheWaitToTheBackoff()
    {
        using var response = Response(429);

        var signal = ClearbitRateLimits.Read(response, Now);

        signal.RetryAfter.ShouldBeNull();
        signal.IsThrottle.ShouldBeTrue();
    }
}
