using Microsoft.AspNetCore.Http;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Segment;

/// <summary>
/// Segment sends no rate-limit headers on success; throttled calls get 429 with <c>Retry-After</c> and
/// <c>X-RateLimit-Reset</c>. The advertised limit is the Profile API's 100 requests per second.
/// </summary>
internal sealed class SegmentConventions(TimeProvider time) : IProviderConventions
{
    public int DefaultPerMinuteLimit => 6_000;

    public void WriteRateLimitHeaders(HttpContext context, RateWindow window)
    {
        // Segment documents no headers on answers that were not throttled.
    }

    public Task WriteRateLimitedAsync(HttpContext context, RateWindow window) =>
        SegmentErrors.RateLimitedAsync(context, window.SecondsUntilReset, window.Now);

    public Task WriteTooManyRequestsAsync(HttpContext context, int retryAfterSeconds) =>
        SegmentErrors.RateLimitedAsync(context, retryAfterSeconds, time.GetUtcNow());

    public Task WriteFailureAsync(HttpContext context, int statusCode) => statusCode switch
    {
        StatusCodes.Status401Unauthorized => SegmentErrors.UnauthorizedAsync(context, "Invalid credentials."),
        StatusCodes.Status404NotFound => SegmentErrors.NotFoundAsync(context, "Profile not found."),
        < 500 => SegmentErrors.InvalidAsync(context, "Invalid request."),
        _ => SegmentErrors.WriteAsync(context, statusCode, "internal_error", "Internal server error."),
    };
}
