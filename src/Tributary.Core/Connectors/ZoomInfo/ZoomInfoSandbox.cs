using Tributary.Providers;

namespace Tributary.Connectors.ZoomInfo;

/// <summary>
/// ZoomInfo in sandbox mode: user name and password login against the simulator. Every credential setting counts as
/// one, so half a login (a Password alone) is refused at start rather than quietly completed with the simulator's.
/// </summary>
internal static class ZoomInfoSandbox
{
    public static ProviderSandbox Wiring { get; } = new(
        ZoomInfoConnector.ProviderName,
        ["Providers:ZoomInfo:Username", "Providers:ZoomInfo:Password", "Providers:ZoomInfo:ClientId", "Providers:ZoomInfo:PrivateKey"],
        simulator => new Dictionary<string, string?>
        {
            ["Providers:ZoomInfo:Username"] = simulator.Credentials["username"],
            ["Providers:ZoomInfo:Password"] = simulator.Credentials["password"],
            ["Providers:ZoomInfo:BaseUrl"] = simulator.BaseUrl,
        });
}
