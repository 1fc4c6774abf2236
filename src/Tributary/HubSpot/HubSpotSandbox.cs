using Tributary.Providers;

namespace Tributary.Host.HubSpot;

/// <summary>
/// HubSpot in sandbox mode: the client reads and writes the simulator's seeded portal, and webhooks are verified with
/// <see cref="ClientSecret"/>, which the README's signed <c>curl</c> uses.
/// </summary>
internal static class HubSpotSandbox
{
    /// <summary>The app secret of the sandbox: not a secret, it only signs test deliveries on this machine.</summary>
    public const string ClientSecret = "hubspot-sandbox-secret";

    public static ProviderSandbox Wiring { get; } = new(
        "hubspot",
        [$"{HubSpotOptions.SectionName}:AccessToken"],
        simulator => new Dictionary<string, string?>
        {
            [$"{HubSpotOptions.SectionName}:AccessToken"] = simulator.Credentials["accessToken"],
            [$"{HubSpotOptions.SectionName}:BaseUrl"] = simulator.BaseUrl,
            [$"{HubSpotOptions.SectionName}:ClientSecret"] = ClientSecret,
        })
    {
        IsIntegration = true,
    };
}
