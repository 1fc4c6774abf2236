using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Tributary.Host.Jobs;

/// <summary>
/// Opens the connections of the callback client. The host is resolved here, the addresses callbacks may not reach
/// are dropped, and the socket connects to an address that passed: checking the name earlier and connecting later
/// would let a DNS answer change in between (rebinding). Redirects are off in the client, so every connection a
/// callback makes comes through here.
/// </summary>
internal sealed class CallbackConnector(IOptions<JobsOptions> options)
{
    private readonly bool _allowPrivate = options.Value.AllowPrivateCallbacks == true;

    /// <summary>The primary handler of the callback client.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        AllowAutoRedirect = false,

        // A proxy would be the socket's peer, and the destination's address never checked.
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = _allowPrivate ? addresses : Array.FindAll(addresses, address => !NonPublicAddresses.Contains(address));
        if (allowed.Length == 0)
        {
            throw new CallbackRefusedException();
        }

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }
}
