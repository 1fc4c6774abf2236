using Tributary.Providers;

namespace Tributary.Connectors.ZoomInfo;

/// <summary>ZoomInfo in sandbox mode: user name and password login against the simulator.</summary>
internal static class ZoomInfoSandbox
{
    public static ProviderSandbox Wiring { get; } = new(
        ZoomInfoConnector.ProviderName,
        ["Providers:ZoomInfo:Username", "Providers:ZoomInfo:ClientId"],
        simulator => new Dictionary<string, string?>
        {
            ["Providers:ZoomInfo:Username"] = simulator.Credentials["username"],
            ["Providers:ZoomInfo:Password"] = simulator.Credentials["password"],
            ["Providers:ZoomInfo:BaseUrl"] = simulator.BaseUrl,
        });
}
