using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.HubSpot;

/// <summary>
/// HubSpot's rate-limit signals: <c>X-HubSpot-RateLimit-*</c> headers on every answer (private-app style, with the
/// daily pair), a rolling 10 s window of 190 that is enforced only under the <c>TenSecondlyLimit</c> fault, and 429
/// bodies naming the policy. The window is counted here, for every request that gets an answer, and the endpoints
/// refuse the request when it was over.
/// </summary>
internal sealed class HubSpotConventions(HubSpotSimulator simulator) : IProviderConventions
{
    public const int TenSecondlyMax = 190;
    public const long DailyMax = 1_000_000;

    private static readonly object WindowKey = new();

    // The shared per-minute window is not HubSpot's; six of its ten-second windows.
    public int DefaultPerMinuteLimit => TenSecondlyMax * 6;

    /// <summary>The rolling window as counted for this request, or null when the request was not counted.</summary>
    public static RateWindow? WindowOf(HttpContext context) => context.Items.TryGetValue(WindowKey, out var window) ? (RateWindow)window! : null;

    public void WriteRateLimitHeaders(HttpContext context, RateWindow window)
    {
        var settings = FaultSettings.For(context);
        var rolling = simulator.Window.Acquire(settings.TenSecondlyLimit ?? TenSecondlyMax, settings.TenSecondlyLimit is not null, simulator.Faults.Generation);
        context.Items[WindowKey] = rolling;
        var dailyLeft = settings.DailyLimitReached ? 0 : Math.Max(0, DailyMax - simulator.Window.CallsToday);
        var headers = context.Response.Headers;
        headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = ((long)HubSpotRollingWindow.Length.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        headers["X-HubSpot-RateLimit-Max"] = rolling.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-HubSpot-RateLimit-Remaining"] = rolling.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-HubSpot-RateLimit-Daily"] = DailyMax.ToString(CultureInfo.InvariantCulture);
        headers["X-HubSpot-RateLimit-Daily-Remaining"] = dailyLeft.ToString(CultureInfo.InvariantCulture);
    }

    public Task WriteRateLimitedAsync(HttpContext context, RateWindow window) => HubSpotErrors.TenSecondlyAsync(context, window.SecondsUntilReset);

    public Task WriteTooManyRequestsAsync(HttpContext context, int retryAfterSeconds)
    {
        // A ten-secondly 429 is HubSpot saying the window is spent.
        context.Response.Headers["X-HubSpot-RateLimit-Remaining"] = "0";
        return HubSpotErrors.TenSecondlyAsync(context, retryAfterSeconds);
    }

    public Task WriteFailureAsync(HttpContext context, int statusCode) => statusCode switch
    {
        StatusCodes.Status401Unauthorized => HubSpotErrors.UnauthorizedAsync(context),
        < 500 => HubSpotErrors.ValidationAsync(context, "Invalid input JSON on line 1, column 1"),
        _ => HubSpotErrors.WriteAsync(context, statusCode, "INTERNAL_ERROR", "internal error"),
    };
}
