using Tributary.Host.Providers;

namespace Tributary.Host.Cli;

/// <summary>Reads a running gateway's provider report (<c>GET /v1/providers</c>) for <c>tributary providers --url</c>.</summary>
internal static class GatewayProviders
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The reports, or why there are none and the exit code that says so.</summary>
    public static Task<GatewayAnswer<IReadOnlyList<ProviderReport>>> FetchAsync(Uri gateway, string? apiKey, CancellationToken cancellationToken) =>
        GatewayCall.SendAsync(gateway, HttpMethod.Get, "/v1/providers", apiKey, CliJson.Default.IReadOnlyListProviderReport, "a provider report", AnswerTimeout, cancellationToken);
}
