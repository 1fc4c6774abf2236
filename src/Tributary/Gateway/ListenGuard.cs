using System.Net;
using Tributary.Host.Hosting;

namespace Tributary.Host.Gateway;

/// <summary>An open gateway (no keys) must not be reachable from other machines unless the operator says so.</summary>
internal static class ListenGuard
{
    public static void EnsureSafe(GatewayKeys keys, GatewayOptions options, string urls)
    {
        if (!keys.IsOpen || options.AllowAnonymousNonLoopback)
        {
            return;
        }

        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IsLoopback(url))
            {
                throw new ConfigurationException(
                    $"Gateway:ApiKeys is empty, so the gateway is open and may only listen on loopback, but --urls includes '{url}'. Configure Gateway:ApiKeys, or set Gateway:AllowAnonymousNonLoopback=true.");
            }
        }
    }

    private static bool IsLoopback(string url)
    {
        var host = url.Split("://", 2) is [_, var rest] ? rest : url;
        host = host.Split('/')[0];
        host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
