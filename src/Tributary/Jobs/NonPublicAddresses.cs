using System.Net;
using System.Net.Sockets;

namespace Tributary.Host.Jobs;

/// <summary>
/// Addresses a job callback must not reach unless <c>Jobs:AllowPrivateCallbacks</c> is set: the server's own host,
/// its private networks, link-local (the cloud metadata service at 169.254.169.254 among them), and addresses that
/// are not one host. IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by it.
/// </summary>
internal static class NonPublicAddresses
{
    private static readonly IPNetwork[] V4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),       // "this network", 0.0.0.0 included
        IPNetwork.Parse("10.0.0.0/8"),      // RFC 1918
        IPNetwork.Parse("100.64.0.0/10"),   // carrier-grade NAT (RFC 6598)
        IPNetwork.Parse("127.0.0.0/8"),     // loopback
        IPNetwork.Parse("169.254.0.0/16"),  // link-local, cloud metadata
        IPNetwork.Parse("172.16.0.0/12"),   // RFC 1918
        IPNetwork.Parse("192.0.0.0/24"),    // IETF protocol assignments
        IPNetwork.Parse("192.168.0.0/16"),  // RFC 1918
        IPNetwork.Parse("198.18.0.0/15"),   // benchmarking
        IPNetwork.Parse("224.0.0.0/4"),     // multicast
        IPNetwork.Parse("240.0.0.0/4"),     // reserved, broadcast included
    ];

    private static readonly IPNetwork[] V6 =
    [
        IPNetwork.Parse("::/128"),          // unspecified
        IPNetwork.Parse("::1/128"),         // loopback
        IPNetwork.Parse("fc00::/7"),        // unique local
        IPNetwork.Parse("fe80::/10"),       // link-local
        IPNetwork.Parse("fec0::/10"),       // site-local (deprecated, still routed by some)
        IPNetwork.Parse("ff00::/8"),        // multicast
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Compatible = IPNetwork.Parse("::/96");

    public static bool Contains(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return V4.Any(network => network.Contains(address));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return true;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return Contains(address.MapToIPv4());
        }

        if (V6.Any(network => network.Contains(address)))
        {
            return true;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        if (Compatible.Contains(address) || Nat64.Contains(address))
        {
            return Contains(new IPAddress(bytes[12..]));
        }

        return SixToFour.Contains(address) && Contains(new IPAddress(bytes[2..6]));
    }
}
