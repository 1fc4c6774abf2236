using Tributary.Providers;

namespace Tributary.Host.Genesys;

/// <summary>
/// Genesys Cloud in sandbox mode: login and API on the simulator, which knows the sample conversation of
/// <c>payloads/genesys-eventbridge-customer-start.json</c>; events are verified with <see cref="WebhookSecret"/>.
/// </summary>
internal static class GenesysSandbox
{
    /// <summary>The shared secret of the sandbox: not a secret, it only guards test deliveries on this machine.</summary>
    public const string WebhookSecret = "genesys-sandbox-secret";

    public static ProviderSandbox Wiring { get; } = new(
        "genesys",
        [$"{GenesysOptions.SectionName}:ClientId"],
        simulator => new Dictionary<string, string?>
        {
            [$"{GenesysOptions.SectionName}:ClientId"] = simulator.Credentials["clientId"],
            [$"{GenesysOptions.SectionName}:ClientSecret"] = simulator.Credentials["clientSecret"],
            [$"{GenesysOptions.SectionName}:BaseUrl"] = simulator.BaseUrl,
            [$"{GenesysOptions.SectionName}:LoginUrl"] = simulator.BaseUrl,
            [$"{GenesysOptions.SectionName}:WebhookSecret"] = WebhookSecret,
        })
    {
        IsIntegration = true,
    };
}
