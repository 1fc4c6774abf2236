namespace Tributary.Host.HubSpot;

/// <summary>
/// Bound from <c>HubSpot:RateLimit</c>: at most <see cref="Requests"/> calls in any <see cref="IntervalMs"/>, shared by
/// every call of the process. HubSpot's private-app limit is 190 per 10 s (100 on Free/Starter, 250 with the API
/// add-on); when HubSpot reports a lower <c>X-HubSpot-RateLimit-Max</c> the lower one holds.
/// </summary>
internal sealed class HubSpotRateLimitOptions
{
    /// <summary>Calls per interval. Default 190.</summary>
    public int Requests { get; set; } = 190;

    /// <summary>The interval, in milliseconds. Default 10,000.</summary>
    public int IntervalMs { get; set; } = 10_000;
}
