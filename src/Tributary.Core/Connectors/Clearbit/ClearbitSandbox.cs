using Tributary.Providers;

namespace Tributary.Connectors.Clearbit;

/// <summary>Clearbit in sandbox mode: its simulator serves person, company and combined lookups at its root.</summary>
internal static class ClearbitSandbox
{
    public static ProviderSandbox Wiring { get; } = new(
        ClearbitConnector.ProviderName,
        ["Providers:Clearbit:ApiKey"],
        simulator => new Dictionary<string, string?>
        {
            ["Providers:Clearbit:ApiKey"] = simulator.Credentials["apiKey"],
            ["Providers:Clearbit:BaseUrl"] = simulator.BaseUrl,
        });
}
