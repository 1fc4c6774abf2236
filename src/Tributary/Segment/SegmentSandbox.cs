namespace Tributary.Host.Segment;

/// <summary>The settings that point both Segment clients at a running Segment simulator (sandbox mode, tests).</summary>
internal static class SegmentSandbox
{
    /// <summary>
    /// <c>Segment:BaseUrl</c> and <c>Segment:ProfilesUrl</c> (the simulator serves both APIs), <c>WriteKey</c>,
    /// <c>AccessToken</c> and <c>SpaceId</c> from the simulator's credentials (<c>writeKey</c>, <c>accessToken</c>, <c>spaceId</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Settings(string baseUrl, IReadOnlyDictionary<string, string> credentials) =>
        new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Segment:BaseUrl"] = baseUrl,
            ["Segment:ProfilesUrl"] = baseUrl,
            ["Segment:WriteKey"] = credentials.GetValueOrDefault("writeKey"),
            ["Segment:AccessToken"] = credentials.GetValueOrDefault("accessToken"),
            ["Segment:SpaceId"] = credentials.GetValueOrDefault("spaceId"),
        };
}
