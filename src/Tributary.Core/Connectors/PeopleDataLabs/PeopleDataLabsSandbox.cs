using Tributary.Providers;

namespace Tributary.Connectors.PeopleDataLabs;

/// <summary>People Data Labs in sandbox mode: the connector's base URL carries the API's version path.</summary>
internal static class PeopleDataLabsSandbox
{
    public static ProviderSandbox Wiring { get; } = new(
        PeopleDataLabsConnector.ProviderName,
        ["Providers:PeopleDataLabs:ApiKey"],
        simulator => new Dictionary<string, string?>
        {
            ["Providers:PeopleDataLabs:ApiKey"] = simulator.Credentials["apiKey"],
            ["Providers:PeopleDataLabs:BaseUrl"] = simulator.BaseUrl + "/v5",
        });
}
