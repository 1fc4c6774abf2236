using Tributary.Providers;

namespace Tributary.Host.Segment;

/// <summary>
/// Segment in sandbox mode: both clients point at the simulator, which serves the Tracking and the Profile API, with
/// its write key, access token and space (<c>writeKey</c>, <c>accessToken</c>, <c>spaceId</c>).
/// </summary>
internal static class SegmentSandbox
{
    public static ProviderSandbox Wiring { get; } = new(
        "segment",
        [$"{SegmentOptions.SectionName}:WriteKey", $"{SegmentOptions.SectionName}:AccessToken"],
        static simulator => Settings(simulator.BaseUrl, simulator.Credentials))
    {
        IsIntegration = true,
    };

    /// <summary><c>Segment:BaseUrl</c> and <c>Segment:ProfilesUrl</c> (the simulator serves both APIs) and its credentials.</summary>
    public static IReadOnlyDictionary<string, string?> Settings(string baseUrl, IReadOnlyDictionary<string, string> credentials) =>
        new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{SegmentOptions.SectionName}:BaseUrl"] = baseUrl,
            [$"{SegmentOptions.SectionName}:ProfilesUrl"] = baseUrl,
            [$"{SegmentOptions.SectionName}:WriteKey"] = credentials.GetValueOrDefault("writeKey"),
            [$"{SegmentOptions.SectionName}:AccessToken"] = credentials.GetValueOrDefault("accessToken"),
            [$"{SegmentOptions.SectionName}:SpaceId"] = credentials.GetValueOrDefault("spaceId"),
        };
}
