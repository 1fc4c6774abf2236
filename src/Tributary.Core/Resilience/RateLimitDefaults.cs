namespace Tributary.Resilience;

/// <summary>
/// A provider's documented request limits, used when <c>Providers:&lt;Name&gt;:RateLimit</c> does not set them.
/// Each connector states its own next to its rate-limit headers (<c>Connectors/&lt;Provider&gt;/…RateLimits.cs</c>).
/// </summary>
/// <param name="PerMinute">Requests in any 60 seconds.</param>
/// <param name="PerSecond">Requests in any one second, for providers that document such a limit.</param>
public sealed record RateLimitDefaults(int PerMinute, int? PerSecond = null)
{
    /// <summary>For a provider that documents nothing (the configurable REST provider).</summary>
    public static RateLimitDefaults Generic { get; } = new(600);
}
