using Tributary.Providers;

namespace Tributary.Connectors.Hunter;

/// <summary>Hunter in sandbox mode: the connector's base URL carries the API's version path.</summary>
internal static class HunterSandbox
{
    public static ProviderSandbox Wiring { get; } = new(
        HunterConnector.ProviderName,
        ["Providers:Hunter:ApiKey"],
        simulator => new Dictionary<string, string?>
        {
            ["Providers:Hunter:ApiKey"] = simulator.Credentials["apiKey"],
            ["Providers:Hunter:BaseUrl"] = simulator.BaseUrl + "/v2",
        });
}
