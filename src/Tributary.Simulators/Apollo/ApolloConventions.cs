using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Apollo;

/// <summary>
/// Apollo: fixed minute, hour and day windows evaluated together, each reported as limit / usage /
/// requests-left headers; 429 with retry-after. The hour and day limits are advertised as 60× and
/// 1,440× the minute limit (paid plans have no tighter cap) and only the minute one is enforced.
/// </summary>
internal sealed class ApolloConventions(TimeProvider timeProvider) : IProviderConventions
{
    private readonly FixedWindowCounter _hour = new(timeProvider, TimeSpan.FromHours(1));
    private readonly FixedWindowCounter _day = new(timeProvider, TimeSpan.FromDays(1));

    public int DefaultPerMinuteLimit => 1000;

    public void WriteRateLimitHeaders(HttpContext context, RateWindow window)
    {
        var headers = context.Response.Headers;
        Write(headers, "x-rate-limit-minute", "x-minute-usage", "x-minute-requests-left", window);
        Write(headers, "x-rate-limit-hourly", "x-hourly-usage", "x-hourly-requests-left", _hour.Acquire(window.Limit * 60, enforce: false));
        Write(headers, "x-rate-limit-24-hour", "x-24-hour-usage", "x-24-hour-requests-left", _day.Acquire(window.Limit * 1440, enforce: false));
    }

    public Task WriteRateLimitedAsync(HttpContext context, RateWindow window)
    {
        context.Response.Headers["retry-after"] = window.SecondsUntilReset.ToString(CultureInfo.InvariantCulture);
        return ApolloErrors.RateLimitedAsync(context, window.Limit, "minute");
    }

    public Task WriteTooManyRequestsAsync(HttpContext context, int retryAfterSeconds)
    {
        context.Response.Headers["retry-after"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return ApolloErrors.RateLimitedAsync(context, DefaultPerMinuteLimit * 60, "hour");
    }

    public Task WriteFailureAsync(HttpContext context, int statusCode) =>
        ApolloErrors.MessageAsync(context, statusCode, "Something went wrong on our side. Please try again later.");

    private static void Write(IHeaderDictionary headers, string limit, string usage, string left, RateWindow window)
    {
        headers[limit] = window.Limit.ToString(CultureInfo.InvariantCulture);
        headers[usage] = window.Used.ToString(CultureInfo.InvariantCulture);
        headers[left] = window.Remaining.ToString(CultureInfo.InvariantCulture);
    }
}
