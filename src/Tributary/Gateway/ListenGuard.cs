using System.Net;
using Tributary.Host.Hosting;

namespace Tributary.Host.Gateway;

/// <summary>
/// An open gateway (no keys) must not be reachable from other machines unless the operator says so. Checked twice:
/// every listening setting before the server starts, so the refusal names the setting and nothing is ever bound;
/// and the addresses actually bound once it has, for a way to bind no setting above describes.
/// </summary>
internal static class ListenGuard
{
    public static void EnsureSafe(GatewayKeys keys, GatewayOptions options, ListenAddresses listen)
    {
        foreach (var address in listen.All)
        {
            EnsureWellFormed(address);
        }

        if (!keys.IsOpen || options.AllowAnonymousNonLoopback)
        {
            return;
        }

        if (listen.All.FirstOrDefault(address => !IsLoopback(address.Url)) is { } outside)
        {
            throw Refusal($"{outside.Setting} asks for '{outside.Url}'");
        }
    }

    public static void EnsureBound(GatewayKeys keys, GatewayOptions options, IEnumerable<string> bound)
    {
        if (!keys.IsOpen || options.AllowAnonymousNonLoopback)
        {
            return;
        }

        if (bound.FirstOrDefault(address => !IsLoopback(address)) is { } outside)
        {
            throw Refusal($"the server is bound to '{outside}'");
        }
    }

    /// <summary>Kestrel's own reading of the address, so a malformed one is refused by its setting, not by a stack trace at bind.</summary>
    private static void EnsureWellFormed(ListenAddress address)
    {
        try
        {
            var parsed = BindingAddress.Parse(address.Url);
            if (parsed.Scheme.ToLowerInvariant() is not ("http" or "https"))
            {
                throw new FormatException();
            }
        }
        catch (FormatException)
        {
            throw new ConfigurationException(
                $"{address.Setting} asks for '{address.Url}', which is not an address to listen on: give scheme://host:port, e.g. http://127.0.0.1:8080.");
        }
    }

    /// <summary>Whether a URL's host is a loopback address or <c>localhost</c> (which Kestrel binds on loopback only).</summary>
    internal static bool IsLoopback(string url)
    {
        var host = url.Split("://", 2) is [_, var rest] ? rest : url;
        host = host.Split('/')[0];
        host = host.StartsWith('[') ? host[1..Math.Max(1, host.IndexOf(']', StringComparison.Ordinal))] : host.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    private static ConfigurationException Refusal(string what) => new(
        $"Gateway:ApiKeys is empty, so the gateway is open and may only listen on loopback, but {what}. "
        + "Configure Gateway:ApiKeys, listen on 127.0.0.1 or localhost, or set Gateway:AllowAnonymousNonLoopback=true.");
}
