using Tributary.Providers;

namespace Tributary.Connectors.Apollo;

/// <summary>Apollo in sandbox mode: the connector's base URL carries the API's version path.</summary>
internal static class ApolloSandbox
{
    public static ProviderSandbox Wiring { get; } = new(
        ApolloConnector.ProviderName,
        ["Providers:Apollo:ApiKey"],
        simulator => new Dictionary<string, string?>
        {
            ["Providers:Apollo:ApiKey"] = simulator.Credentials["apiKey"],
            ["Providers:Apollo:BaseUrl"] = simulator.BaseUrl + "/api/v1",
        });
}
